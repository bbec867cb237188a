package org.gridcase.photo;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where photos are kept and how big they may be, as {@code gridcase.photos} (defaults in application.yaml).
 * {@code store} picks the adapter: {@code filesystem} (under {@code directory}) or {@code s3} (any S3-compatible
 * service: AWS, MinIO, Aliyun OSS). {@code maxSize} also sets Spring's multipart limits.
 */
@ConfigurationProperties("gridcase.photos")
record PhotoSettings(Store store, Path directory, DataSize maxSize, int thumbnailSize, long maxPixels, S3 s3) {

    enum Store { FILESYSTEM, S3 }

    /** An S3-compatible bucket; {@code endpoint} empty for AWS itself, path-style for MinIO and most others. */
    record S3(URI endpoint, String bucket, String region, String accessKey, String secretKey, boolean pathStyle) {
    }

    PhotoSettings {
        if (maxSize == null || maxSize.toBytes() < 1 || thumbnailSize < 16 || maxPixels < 1) {
            throw new IllegalArgumentException("gridcase.photos needs max-size, thumbnail-size >= 16 and max-pixels");
        }
    }
}
