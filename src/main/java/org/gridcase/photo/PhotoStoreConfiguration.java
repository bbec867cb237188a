package org.gridcase.photo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The photo store that {@code gridcase.photos.store} names. */
@Configuration(proxyBeanMethods = false)
class PhotoStoreConfiguration {

    @Bean
    PhotoStore photoStore(PhotoSettings settings) {
        return switch (settings.store()) {
            case FILESYSTEM -> new FileSystemPhotoStore(settings.directory());
            case S3 -> new S3PhotoStore(s3Client(settings.s3()), settings.s3().bucket());
        };
    }

    static S3Client s3Client(PhotoSettings.S3 s3) {
        if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
            throw new IllegalStateException("gridcase.photos.store is s3 but gridcase.photos.s3.bucket is not set");
        }
        var builder = S3Client.builder()
                // the JDK's own HTTP connection: no Netty or Apache client for a few uploads a minute
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region() == null || s3.region().isBlank() ? "us-east-1" : s3.region()))
                .forcePathStyle(s3.pathStyle())
                // checksums only where S3 requires them: the SDK's newer default (a CRC trailer on every upload)
                // is refused by several S3-compatible stores (older MinIO, Aliyun OSS)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s3.endpoint() != null && !s3.endpoint().toString().isEmpty()) {
            builder.endpointOverride(s3.endpoint());
        }
        if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
        }
        return builder.build();
    }
}
