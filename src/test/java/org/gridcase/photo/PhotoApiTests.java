package org.gridcase.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Uploading and fetching photos over real HTTP, as a resident's phone and the staff's pages do. Anonymous
 * uploads come from addresses of their own (X-Forwarded-For from the trusted loopback), so each test fills its
 * own bucket whatever ran before.
 */
@DemoDistrictTest
class PhotoApiTests {

    static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    TestRestTemplate rest;

    @LocalServerPort
    int port;

    @Value("${gridcase.security.uploads.per-address.burst}")
    int burst;

    @Test
    void servesAnUploadedJpegWithoutItsGpsPositionAndAThumbnail() {
        byte[] original = TestImages.jpegWithGps(1200, 900);
        // the test would prove nothing if the original had no position
        assertThat(TestImages.metadata(original).getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();

        ResponseEntity<JsonNode> uploaded = upload(rest, newAddress(), original, "IMG_0001.jpg", "image/jpeg");

        assertThat(uploaded.getStatusCode().value()).isEqualTo(201);
        String id = uploaded.getBody().get("id").asText();
        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(uploaded.getBody().get("url").asText()).isEqualTo("http://localhost:" + port + "/photos/" + id);
        assertThat(uploaded.getBody().get("thumbnailUrl").asText())
                .isEqualTo("http://localhost:" + port + "/photos/" + id + "/thumb");

        ResponseEntity<byte[]> served = rest.getForEntity("/photos/" + id, byte[].class);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getHeaders().getCacheControl()).contains("max-age=31536000").contains("public");
        var metadata = TestImages.metadata(served.getBody());
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        BufferedImage image = TestImages.decode(served.getBody());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(900);

        ResponseEntity<byte[]> thumb = rest.getForEntity("/photos/" + id + "/thumb", byte[].class);
        assertThat(thumb.getStatusCode().value()).isEqualTo(200);
        assertThat(thumb.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(thumb.getBody().length).isLessThan(served.getBody().length);
        BufferedImage small = TestImages.decode(thumb.getBody());
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);
        assertThat(TestImages.metadata(thumb.getBody()).getFirstDirectoryOfType(GpsDirectory.class)).isNull();
    }

    @Test
    void takesAPngByItsBytesWhateverItIsCalled() {
        ResponseEntity<JsonNode> uploaded = upload(rest, newAddress(), TestImages.png(200, 100), "photo.jpg",
                "image/jpeg");

        assertThat(uploaded.getStatusCode().value()).isEqualTo(201);
        ResponseEntity<byte[]> served = rest.getForEntity(
                "/photos/" + uploaded.getBody().get("id").asText(), byte[].class);
        assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(TestImages.decode(served.getBody()).getWidth()).isEqualTo(200);
    }

    @Test
    void refusesATextFileThatClaimsToBeAJpeg() {
        ResponseEntity<JsonNode> answer = upload(rest, newAddress(), "not a photo at all".getBytes(), "x.jpg",
                "image/jpeg");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(answer.getBody().at("/errors/0/message").asText()).isEqualTo("不是有效的图片（JPEG 或 PNG）");
    }

    @Test
    void refusesAJpegHeaderFollowedByNothingUseful() {
        byte[] broken = new byte[4096];
        broken[0] = (byte) 0xFF;
        broken[1] = (byte) 0xD8;
        broken[2] = (byte) 0xFF;
        broken[3] = (byte) 0xE0;

        ResponseEntity<JsonNode> answer = upload(rest, newAddress(), broken, "x.jpg", "image/jpeg");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("file");
    }

    @Test
    void refusesAFileOverTheLimitInChineseNamingTheField() {
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.png(10, 10), 0, huge, 0, 50);

        ResponseEntity<JsonNode> answer = upload(rest, newAddress(), huge, "big.png", "image/png");

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(answer.getBody().at("/errors/0/message").asText()).isEqualTo("文件过大，不能超过 10 MB");
    }

    @Test
    void refusesAnUploadWithoutAFile() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("X-Forwarded-For", newAddress());
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("other", "x");

        ResponseEntity<JsonNode> answer = rest.postForEntity("/api/photos", new HttpEntity<>(form, headers),
                JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("file");
    }

    @Test
    void answersAnUnknownPhotoWith404() {
        assertThat(rest.getForEntity("/photos/AAAAAAAAAAAAAAAAAAAAAA", String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(rest.getForEntity("/photos/AAAAAAAAAAAAAAAAAAAAAA/thumb", String.class).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void throttlesAnonymousUploadsPerAddressButNotStaff() {
        String address = newAddress();
        byte[] png = TestImages.png(8, 8);
        for (int i = 0; i < burst; i++) {
            assertThat(upload(rest, address, png, "p.png", "image/png").getStatusCode().value()).isEqualTo(201);
        }

        ResponseEntity<JsonNode> refused = upload(rest, address, png, "p.png", "image/png");

        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getFirst("Retry-After")).matches("[1-9]\\d*");
        assertThat(refused.getBody().get("detail").asText()).contains("照片过多");
        // another address, and a member of staff at the same one, are still welcome
        assertThat(upload(rest, newAddress(), png, "p.png", "image/png").getStatusCode().value()).isEqualTo(201);
        assertThat(upload(rest.withBasicAuth("grid.worker", "demo"), address, png, "p.png", "image/png")
                .getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void staffAttachPhotosToTheirCaseAndOtherStreetsCannotSeeThem() {
        String caseNumber = openCaseInTumen();
        TestRestTemplate dispatcher = rest.withBasicAuth("street.dispatcher", "demo");
        String before = upload(dispatcher, newAddress(), TestImages.jpegWithGps(400, 300), "a.jpg", "image/jpeg")
                .getBody().get("id").asText();
        String after = upload(dispatcher, newAddress(), TestImages.png(300, 400), "b.png", "image/png")
                .getBody().get("id").asText();

        ResponseEntity<JsonNode> attached = dispatcher.postForEntity("/api/cases/" + caseNumber + "/photos",
                Map.of("photoIds", List.of(before), "stage", "处置前"), JsonNode.class);
        assertThat(attached.getStatusCode().value()).isEqualTo(201);
        dispatcher.postForEntity("/api/cases/" + caseNumber + "/photos",
                Map.of("photoIds", List.of(after), "stage", "处置后"), JsonNode.class);

        JsonNode photos = dispatcher.getForEntity("/api/cases/" + caseNumber + "/photos", JsonNode.class).getBody();
        assertThat(photos).hasSize(2);
        assertThat(photos.get(0).get("id").asText()).isEqualTo(before);
        assertThat(photos.get(0).get("stage").asText()).isEqualTo("处置前");
        assertThat(photos.get(0).get("uploadedBy").asText()).isEqualTo("street.dispatcher");
        assertThat(photos.get(0).get("url").asText()).isEqualTo("http://localhost:" + port + "/photos/" + before);
        assertThat(photos.get(1).get("stage").asText()).isEqualTo("处置后");
        assertThat(photos.get(1).get("width").asInt()).isEqualTo(300);

        TestRestTemplate otherStreet = rest.withBasicAuth("hongmiao.dispatcher", "demo");
        assertThat(otherStreet.getForEntity("/api/cases/" + caseNumber + "/photos", JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(otherStreet.postForEntity("/api/cases/" + caseNumber + "/photos",
                Map.of("photoIds", List.of(before)), JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(rest.getForEntity("/api/cases/" + caseNumber + "/photos", JsonNode.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void refusesUnknownPhotosAndPhotosOfAnotherCase() {
        String first = openCaseInTumen();
        String second = openCaseInTumen();
        TestRestTemplate dispatcher = rest.withBasicAuth("street.dispatcher", "demo");
        String id = upload(dispatcher, newAddress(), TestImages.png(50, 50), "c.png", "image/png")
                .getBody().get("id").asText();
        assertThat(dispatcher.postForEntity("/api/cases/" + first + "/photos", Map.of("photoIds", List.of(id)),
                JsonNode.class).getStatusCode().value()).isEqualTo(201);

        ResponseEntity<JsonNode> elsewhere = dispatcher.postForEntity("/api/cases/" + second + "/photos",
                Map.of("photoIds", List.of(id)), JsonNode.class);
        ResponseEntity<JsonNode> unknown = dispatcher.postForEntity("/api/cases/" + second + "/photos",
                Map.of("photoIds", List.of("AAAAAAAAAAAAAAAAAAAAAA")), JsonNode.class);
        ResponseEntity<JsonNode> empty = dispatcher.postForEntity("/api/cases/" + second + "/photos",
                Map.of("photoIds", List.of()), JsonNode.class);

        assertThat(elsewhere.getStatusCode().value()).isEqualTo(409);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().at("/errors/0/field").asText()).isEqualTo("photoIds[0]");
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().at("/errors/0/field").asText()).isEqualTo("photoIds");
    }

    private String openCaseInTumen() {
        ResponseEntity<JsonNode> opened = rest.postForEntity("/api/cases", Map.of(
                "category", "PROPERTY.STAIRWELL_LIGHT", "description", "楼道灯不亮，附照片",
                "address", "土门街道劳动路社区", "gridCode", "610104007001001", "channel", "GRID_WORKER"),
                JsonNode.class);
        assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
        String caseNumber = opened.getBody().get("caseNumber").asText();
        // the grid is placed after the start event's async boundary: only then is it the street's case
        TestRestTemplate dispatcher = rest.withBasicAuth("street.dispatcher", "demo");
        long deadline = System.currentTimeMillis() + 30_000;
        while (dispatcher.getForEntity("/api/cases/" + caseNumber + "/photos", String.class)
                .getStatusCode().value() != 200) {
            assertThat(System.currentTimeMillis()).as("case %s reaches the street", caseNumber).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return caseNumber;
    }

    private static String newAddress() {
        return "198.18.7." + ADDRESSES.getAndIncrement();
    }

    static ResponseEntity<JsonNode> upload(TestRestTemplate client, String address, byte[] bytes, String name,
            String claimedType) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(claimedType));
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("X-Forwarded-For", address);
        return client.exchange("/api/photos", HttpMethod.POST, new HttpEntity<>(form, headers), JsonNode.class);
    }
}
