package org.gridcase.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The photos a report links to become its case's photos, whichever way the report came (a resident's phone, an
 * Open311 app's media_url); uploads no case claimed are deleted after a day, row and images, also when two
 * nodes clean at once.
 */
@DemoDistrictTest
class ReportedPhotosTests {

    static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    static final String GRID = "610104007001001";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UnattachedPhotoCleanup cleanup;

    @Autowired
    PhotoStore store;

    @Autowired
    List<org.springframework.scheduling.config.ScheduledTaskHolder> scheduled;

    @Test
    void aResidentsReportClaimsThePhotosItLinksTo() {
        // given: two photos sent from the phone, and a picture elsewhere
        String address = newAddress();
        JsonNode first = upload(address, TestImages.jpegWithGps(800, 600));
        JsonNode second = upload(address, TestImages.png(300, 200));
        String untouched = upload(newAddress(), TestImages.png(40, 40)).get("id").asText();

        // when
        ResponseEntity<JsonNode> opened = rest.exchange("/api/cases", org.springframework.http.HttpMethod.POST,
                new HttpEntity<>(Map.of("category", "PROPERTY.STAIRWELL_LIGHT", "description", "楼道灯坏了，附两张照片",
                        "address", "牡丹庄园小区1号楼", "gridCode", GRID, "reporterPhone", "13655507001",
                        "channel", "RESIDENT_APP", "photoLinks", List.of(first.get("url").asText(),
                                second.get("url").asText(), "https://example.org/photos/stairwell.jpg")),
                        forwardedFor(address)), JsonNode.class);

        // then
        assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
        String caseNumber = opened.getBody().get("caseNumber").asText();
        assertThat(jdbc.queryForList("SELECT id FROM photo WHERE case_number = ? ORDER BY width DESC", String.class,
                caseNumber)).containsExactly(first.get("id").asText(), second.get("id").asText());
        assertThat(jdbc.queryForList("SELECT stage FROM photo WHERE case_number = ?", String.class, caseNumber))
                .containsOnly("反映时");
        assertThat(jdbc.queryForObject("SELECT case_number FROM photo WHERE id = ?", String.class, untouched))
                .isNull();
        // staff who work on the case see them among its photos
        JsonNode listed = rest.withBasicAuth("supervisor", "demo")
                .getForEntity("/api/cases/" + caseNumber + "/photos", JsonNode.class).getBody();
        assertThat(listed).extracting(p -> p.get("id").asText())
                .containsExactlyInAnyOrder(first.get("id").asText(), second.get("id").asText());
    }

    @Test
    void anOpen311RequestClaimsItsMediaUrlWhenGridcaseHoldsThePhoto() {
        // given
        String appId = "photo-app-" + ADDRESSES.incrementAndGet();
        String apiKey = rest.withBasicAuth("admin", "demo").postForEntity("/api/admin/open311-apps",
                Map.of("id", appId, "name", "照片测试应用"), JsonNode.class).getBody().get("apiKey").asText();
        JsonNode photo = upload(newAddress(), TestImages.png(120, 90));

        // when
        var form = new LinkedMultiValueMap<String, String>();
        form.add("api_key", apiKey);
        form.add("service_code", "PROPERTY.STAIRWELL_LIGHT");
        form.add("lat", "34.2795");
        form.add("long", "108.8835");
        form.add("description", "楼道灯不亮，照片见 media_url");
        form.add("phone", "13655507002");
        form.add("media_url", photo.get("url").asText());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<JsonNode> created = rest.postForEntity("/open311/v2/requests.json",
                new HttpEntity<>(form, headers), JsonNode.class);

        // then
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String caseNumber = created.getBody().get(0).get("service_request_id").asText();
        assertThat(jdbc.queryForObject("SELECT case_number FROM photo WHERE id = ?", String.class,
                photo.get("id").asText())).isEqualTo(caseNumber);
    }

    @Test
    void uploadsNoCaseClaimedWithinADayAreDeletedRowAndImages() throws Exception {
        // given: an upload two days old that no case claimed, a fresh one, and an old one a case has
        String old = upload(newAddress(), TestImages.png(60, 60)).get("id").asText();
        String fresh = upload(newAddress(), TestImages.png(61, 61)).get("id").asText();
        String attached = upload(newAddress(), TestImages.png(62, 62)).get("id").asText();
        jdbc.update("UPDATE photo SET case_number = 'TM-20000101-0001', attached_at = now() WHERE id = ?", attached);
        jdbc.update("UPDATE photo SET created_at = now() - interval '2 days' WHERE id IN (?, ?)", old, attached);
        assertThat(store.get(old)).isPresent();

        // when: two nodes clean at the same moment
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        Callable<Integer> clean = () -> cleanup.deleteUnattached(dayAgo);
        int deleted;
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> one = nodes.submit(clean);
            Future<Integer> other = nodes.submit(clean);
            deleted = one.get() + other.get();
        } finally {
            nodes.shutdown();
        }

        // then: the old upload is gone, once, with both its images; the others stay
        assertThat(deleted).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT id FROM photo WHERE id IN (?, ?, ?)", String.class, old, fresh,
                attached)).containsExactlyInAnyOrder(fresh, attached);
        assertThat(store.get(old)).isEmpty();
        assertThat(store.get(old + "-thumb")).isEmpty();
        assertThat(rest.getForEntity("/photos/" + old, byte[].class).getStatusCode().value()).isEqualTo(404);
        assertThat(store.get(fresh)).isPresent();
        assertThat(store.get(attached)).isPresent();
        assertThat(rest.getForEntity("/photos/" + attached + "/thumb", byte[].class).getStatusCode().value())
                .isEqualTo(200);
        // and the scheduled run with the configured age (a day) finds nothing more to do
        assertThat(cleanup.deleteUnattached(dayAgo)).isZero();
    }

    @Test
    void theCleanupRunsOnItsOwnEveryHour() {
        // Spring's scheduler is on, and holds the cleanup at the configured interval (gridcase.photos.cleanup.every)
        List<org.springframework.scheduling.config.ScheduledTask> cleanups = scheduled.stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .filter(task -> task.toString().contains("UnattachedPhotoCleanup.run")).toList();
        assertThat(cleanups).singleElement().satisfies(task -> assertThat(
                ((org.springframework.scheduling.config.FixedDelayTask) task.getTask()).getIntervalDuration())
                .isEqualTo(Duration.ofHours(1)));
    }

    private JsonNode upload(String address, byte[] image) {
        ResponseEntity<JsonNode> uploaded = PhotoApiTests.upload(rest, address, image, "photo", "image/png");
        assertThat(uploaded.getStatusCode().value()).as("%s", uploaded.getBody()).isEqualTo(201);
        return uploaded.getBody();
    }

    private static HttpHeaders forwardedFor(String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", address);
        return headers;
    }

    private static String newAddress() {
        return "198.18.9." + ADDRESSES.getAndIncrement();
    }
}
