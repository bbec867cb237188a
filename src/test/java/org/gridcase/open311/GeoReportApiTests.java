package org.gridcase.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.open311.GeoReportHttp.form;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GeoReport v2 as its specification (wiki.open311.org/GeoReport_v2) writes its examples: the XML roots and
 * elements, the JSON arrays and field names, the error list and its HTTP codes, w3 datetimes with an offset.
 */
@DemoDistrictTest
class GeoReportApiTests {

    /** A point in 牡丹庄园社区第一网格 (土门街道) of the demo district. */
    static final String LAT = "34.2795";
    static final String LONG = "108.8835";
    static final AtomicInteger APPS = new AtomicInteger();
    static final AtomicInteger PHONES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GeoReportHttp http;
    String apiKey;
    String appId;

    @BeforeEach
    void registerAnApp() {
        http = new GeoReportHttp(port);
        appId = "conformance-" + APPS.incrementAndGet();
        apiKey = http.issueKey(appId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "json"})
    void discoveryNamesTheGeoReportV2EndpointAndItsFormats(String format) {
        GeoReportHttp.Answer answer = http.get("/open311/v2/discovery." + format);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String url = "http://localhost:" + port + "/open311/v2";
        if (format.equals("xml")) {
            assertThat(answer.contentType()).startsWith("text/xml");
            // the declaration as the specification writes it
            assertThat(answer.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            assertThat(answer.xpath("/discovery/endpoints/endpoint/specification"))
                    .isEqualTo("http://wiki.open311.org/GeoReport_v2");
            assertThat(answer.xpath("/discovery/endpoints/endpoint/url")).isEqualTo(url);
            assertThat(answer.xpath("/discovery/endpoints/endpoint/type")).isEqualTo("production");
            assertThat(answer.count("/discovery/endpoints/endpoint/formats/format")).isEqualTo(2);
            assertThat(answer.xpath("/discovery/key_service")).isNotBlank();
            assertThat(answer.xpath("/discovery/changeset")).isNotBlank();
        } else {
            assertThat(answer.contentType()).startsWith("application/json");
            JsonNode discovery = answer.json();
            assertThat(discovery.get("contact").asText()).isNotBlank();
            assertThat(discovery.get("key_service").asText()).isNotBlank();
            JsonNode endpoint = discovery.get("endpoints").get(0);
            assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
            assertThat(endpoint.get("url").asText()).isEqualTo(url);
            assertThat(endpoint.get("formats")).extracting(JsonNode::asText)
                    .containsExactly("text/xml", "application/json");
        }
    }

    @Test
    void servicesAreTheLeafCategoriesWithTheirParentAsGroup() {
        GeoReportHttp.Answer xml = http.get("/open311/v2/services.xml");
        GeoReportHttp.Answer json = http.get("/open311/v2/services.json");

        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).isEqualTo("text/xml;charset=utf-8");
        String light = "/services/service[service_code='PROPERTY.STAIRWELL_LIGHT']";
        assertThat(xml.xpath(light + "/service_name")).isEqualTo("楼道照明");
        assertThat(xml.xpath(light + "/group")).isEqualTo("物业管理");
        assertThat(xml.xpath(light + "/metadata")).isEqualTo("false");
        assertThat(xml.xpath(light + "/type")).isEqualTo("realtime");
        assertThat(xml.xpath(light + "/keywords")).contains("楼道照明");
        assertThat(xml.xpath(light + "/description")).isEqualTo("物业管理/楼道照明");
        // a parent category is a group, not a service
        assertThat(xml.count("/services/service[service_code='PROPERTY']")).isZero();

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().isArray()).isTrue();
        JsonNode service = null;
        for (JsonNode s : json.json()) {
            if (s.get("service_code").asText().equals("PROPERTY.STAIRWELL_LIGHT")) {
                service = s;
            }
        }
        assertThat(service).isNotNull();
        assertThat(service.get("metadata").asBoolean()).isFalse();
        assertThat(service.get("metadata").isBoolean()).isTrue();
        assertThat(service.get("type").asText()).isEqualTo("realtime");
        assertThat(service.get("group").asText()).isEqualTo("物业管理");
        assertThat(json.json().size()).isEqualTo(xml.count("/services/service"));
    }

    @Test
    void aServiceDefinitionHasNoAttributesAndAnUnknownCodeIsNotFound() {
        GeoReportHttp.Answer xml = http.get("/open311/v2/services/PROPERTY.STAIRWELL_LIGHT.xml");
        GeoReportHttp.Answer json = http.get("/open311/v2/services/PROPERTY.STAIRWELL_LIGHT.json");

        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.xpath("/service_definition/service_code")).isEqualTo("PROPERTY.STAIRWELL_LIGHT");
        assertThat(xml.count("/service_definition/attributes")).isEqualTo(1);
        assertThat(xml.count("/service_definition/attributes/attribute")).isZero();
        assertThat(json.json().get("service_code").asText()).isEqualTo("PROPERTY.STAIRWELL_LIGHT");
        assertThat(json.json().get("attributes").isArray()).isTrue();
        assertThat(json.json().get("attributes")).isEmpty();

        GeoReportHttp.Answer unknownXml = http.get("/open311/v2/services/NO.SUCH_THING.xml");
        GeoReportHttp.Answer unknownJson = http.get("/open311/v2/services/NO.SUCH_THING.json");
        assertThat(unknownXml.status()).isEqualTo(404);
        assertThat(unknownXml.xpath("/errors/error/code")).isEqualTo("404");
        assertThat(unknownXml.xpath("/errors/error/description")).contains("NO.SUCH_THING").contains("不存在");
        assertThat(unknownJson.status()).isEqualTo(404);
        assertThat(unknownJson.contentType()).startsWith("application/json");
        assertThat(unknownJson.json().get(0).get("code").asInt()).isEqualTo(404);
        assertThat(unknownJson.json().get(0).get("description").asText()).contains("NO.SUCH_THING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "json"})
    void reportingWithoutAKeyOrWithAWrongOrRevokedKeyIsForbidden(String format) {
        Map<String, String> report = form("service_code", "PROPERTY.STAIRWELL_LIGHT", "lat", LAT, "long", LONG,
                "description", "楼道灯不亮");
        String path = "/open311/v2/requests." + format;

        GeoReportHttp.Answer missing = http.post(path, report);
        Map<String, String> wrongKey = form("api_key", "not-a-key");
        wrongKey.putAll(report);
        GeoReportHttp.Answer wrong = http.post(path, wrongKey);
        assertThat(http.admin("DELETE", "/api/admin/open311-apps/" + appId, null).status()).isEqualTo(204);
        Map<String, String> revokedKey = form("api_key", apiKey);
        revokedKey.putAll(report);
        GeoReportHttp.Answer revoked = http.post(path, revokedKey);

        for (GeoReportHttp.Answer answer : new GeoReportHttp.Answer[] {missing, wrong, revoked}) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            if (format.equals("xml")) {
                assertThat(answer.xpath("/errors/error/code")).isEqualTo("403");
                assertThat(answer.xpath("/errors/error/description")).contains("api_key");
            } else {
                assertThat(answer.json().get(0).get("code").asInt()).isEqualTo(403);
                assertThat(answer.json().get(0).get("description").asText()).contains("api_key");
            }
        }
        assertThat(missing.body()).contains("缺少");
    }

    @Test
    void aRequestIsCreatedAsAnOpen311CaseOfItsAppAndReadBackWithoutPersonalData() {
        String phone = phone();
        GeoReportHttp.Answer created = http.post("/open311/v2/requests.json", form(
                "api_key", apiKey, "jurisdiction_id", "610104", "service_code", "PROPERTY.STAIRWELL_LIGHT",
                "lat", LAT, "long", LONG, "address_string", "牡丹庄园小区3号楼2单元",
                "email", "li@example.org", "device_id", "tt222111", "account_id", "u-123456",
                "first_name", "秀英", "last_name", "欧阳", "phone", phone,
                "description", "3号楼2单元楼道灯不亮已一周，晚上上下楼看不见",
                "media_url", "https://example.org/photos/stairwell.jpg"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode answer = created.json().get(0);
        String id = answer.get("service_request_id").asText();
        assertThat(id).matches("[A-Z0-9]+-\\d{8}-\\d{4,}");
        assertThat(answer.get("account_id").asText()).isEqualTo("u-123456");
        assertThat(answer.get("service_notice").asText()).contains(id);
        assertThat(answer.has("token")).isFalse();
        // an ordinary case: channel OPEN311, from this app, with the reporter as the app gave them
        Map<String, Object> record = jdbc.queryForMap(
                "SELECT channel, channel_source, reporter_name, reporter_phone, photo_links FROM case_record "
                        + "WHERE case_number = ?", id);
        assertThat(record).containsEntry("channel", "OPEN311").containsEntry("channel_source", "app:" + appId)
                .containsEntry("reporter_name", "欧阳秀英").containsEntry("reporter_phone", phone)
                .containsEntry("photo_links", "https://example.org/photos/stairwell.jpg");

        GeoReportHttp.Answer xml = http.get("/open311/v2/requests/" + id + ".xml");
        GeoReportHttp.Answer json = http.get("/open311/v2/requests/" + id + ".json");

        assertThat(xml.status()).isEqualTo(200);
        String request = "/service_requests/request";
        assertThat(xml.count(request)).isEqualTo(1);
        assertThat(xml.xpath(request + "/service_request_id")).isEqualTo(id);
        assertThat(xml.xpath(request + "/status")).isEqualTo("open");
        assertThat(xml.xpath(request + "/status_notes")).isNotBlank();
        assertThat(xml.xpath(request + "/service_code")).isEqualTo("PROPERTY.STAIRWELL_LIGHT");
        assertThat(xml.xpath(request + "/service_name")).isEqualTo("楼道照明");
        assertThat(xml.xpath(request + "/description")).isEqualTo("3号楼2单元楼道灯不亮已一周，晚上上下楼看不见");
        assertThat(xml.xpath(request + "/address")).isEqualTo("牡丹庄园小区3号楼2单元");
        assertThat(xml.xpath(request + "/lat")).isEqualTo(LAT);
        assertThat(xml.xpath(request + "/long")).isEqualTo(LONG);
        assertThat(xml.xpath(request + "/media_url")).isEqualTo("https://example.org/photos/stairwell.jpg");
        assertThat(xml.xpath(request + "/requested_datetime")).matches(".*T\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(OffsetDateTime.parse(xml.xpath(request + "/updated_datetime"))).isNotNull();

        JsonNode read = json.json().get(0);
        assertThat(read.get("service_request_id").asText()).isEqualTo(id);
        assertThat(read.get("status").asText()).isEqualTo("open");
        assertThat(read.get("lat").asDouble()).isEqualTo(34.2795);
        assertThat(read.get("long").asDouble()).isEqualTo(108.8835);
        assertThat(read.get("requested_datetime").asText()).endsWith("+08:00");
        assertThat(read.has("expected_datetime")).isTrue();
        // the public view: never the reporter's name, phone or e-mail
        for (String body : new String[] {xml.body(), json.body()}) {
            assertThat(body).doesNotContain(phone).doesNotContain(phone.substring(0, 3) + "****").doesNotContain("欧阳")
                    .doesNotContain("li@example.org");
        }

        // the list finds it by id, by service code and by status, and not among the closed
        assertThat(http.get("/open311/v2/requests.json?service_request_id=" + id + ",NOPE-1").json())
                .extracting(r -> r.get("service_request_id").asText()).containsExactly(id);
        assertThat(http.get("/open311/v2/requests.xml?service_code=PROPERTY.STAIRWELL_LIGHT&status=open")
                .count("/service_requests/request[service_request_id='" + id + "']")).isEqualTo(1);
        assertThat(http.get("/open311/v2/requests.xml?status=closed")
                .count("/service_requests/request[service_request_id='" + id + "']")).isZero();
    }

    @Test
    void casesOfOtherChannelsAreNotPublished() {
        String hotlineCase = jdbc.queryForObject(
                "SELECT min(case_number) FROM case_record WHERE channel <> 'OPEN311'", String.class);
        if (hotlineCase != null) {
            assertThat(http.get("/open311/v2/requests/" + hotlineCase + ".json").status()).isEqualTo(404);
        }
        GeoReportHttp.Answer unknown = http.get("/open311/v2/requests/TM-19990101-0001.xml");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.xpath("/errors/error/code")).isEqualTo("404");
    }

    @Test
    void emptyOptionalParametersBehaveAsAbsent() {
        GeoReportHttp.Answer created = http.post("/open311/v2/requests.xml", form(
                "api_key", apiKey, "jurisdiction_id", "", "service_code", "PROPERTY.STAIRWELL_LIGHT",
                "lat", "", "long", "", "address_string", "牡丹庄园小区5号楼", "address_id", "",
                "email", "", "device_id", "", "account_id", "", "first_name", "", "last_name", "",
                "phone", "", "description", "", "media_url", ""));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.xpath("/service_requests/request/service_request_id");
        // <account_id/>: present and empty, as in the specification's example
        assertThat(created.count("/service_requests/request/account_id")).isEqualTo(1);
        assertThat(created.xpath("/service_requests/request/account_id")).isEmpty();
        Map<String, Object> record = jdbc.queryForMap("SELECT description, address, lat, lon, reporter_name, "
                + "reporter_phone, photo_links FROM case_record WHERE case_number = ?", id);
        assertThat(record.get("description")).isEqualTo("楼道照明");
        assertThat(record.get("address")).isEqualTo("牡丹庄园小区5号楼");
        assertThat(record.get("lat")).isNull();
        assertThat(record.get("reporter_name")).isNull();
        assertThat(record.get("reporter_phone")).isNull();
        assertThat(record.get("photo_links")).isNull();

        // the same for the list: empty filters filter nothing
        GeoReportHttp.Answer list = http.get("/open311/v2/requests.json?jurisdiction_id=&service_request_id="
                + "&service_code=&start_date=&end_date=&status=");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json()).extracting(r -> r.get("service_request_id").asText()).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/services.json", "/services/PROPERTY.STAIRWELL_LIGHT.json", "/requests.json",
            "/requests/TM-20251009-0001.json", "/tokens/abc.json"})
    void anotherJurisdictionIsNotFound(String resource) {
        GeoReportHttp.Answer answer = http.get("/open311/v2" + resource + "?jurisdiction_id=sfgov.org");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get(0).get("code").asInt()).isEqualTo(404);
        assertThat(answer.json().get(0).get("description").asText()).contains("jurisdiction_id").contains("610104");
    }

    @Test
    void theJurisdictionIsCheckedOnReportsToo() {
        Map<String, String> report = form("api_key", apiKey, "jurisdiction_id", "city.gov",
                "service_code", "PROPERTY.STAIRWELL_LIGHT", "lat", LAT, "long", LONG);

        GeoReportHttp.Answer refused = http.post("/open311/v2/requests.xml", report);
        report.put("jurisdiction_id", "610104");
        GeoReportHttp.Answer accepted = http.post("/open311/v2/requests.xml", report);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.xpath("/errors/error/description")).contains("city.gov");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(http.get("/open311/v2/services.xml?jurisdiction_id=610104").status()).isEqualTo(200);
    }

    @Test
    void badReportsAreRefusedWithA400NamingTheParameter() {
        String json = "/open311/v2/requests.json";
        assertRefused(http.post(json, form("api_key", apiKey, "service_code", "PROPERTY.STAIRWELL_LIGHT")),
                400, "lat");
        assertRefused(http.post(json, form("api_key", apiKey, "service_code", "PROPERTY.STAIRWELL_LIGHT",
                "lat", LAT)), 400, "long");
        assertRefused(http.post(json, form("api_key", apiKey, "service_code", "PROPERTY.STAIRWELL_LIGHT",
                "lat", "north", "long", LONG)), 400, "lat");
        assertRefused(http.post(json, form("api_key", apiKey, "lat", LAT, "long", LONG)), 400, "service_code");
        assertRefused(http.post(json, form("api_key", apiKey, "service_code", "PROPERTY",
                "lat", LAT, "long", LONG)), 404, "service_code");
        assertRefused(http.post(json, form("api_key", apiKey, "service_code", "PROPERTY.STAIRWELL_LIGHT",
                "lat", LAT, "long", LONG, "phone", "12345")), 400, "phone");
        assertRefused(http.post(json, form("api_key", apiKey, "service_code", "PROPERTY.STAIRWELL_LIGHT",
                "lat", LAT, "long", LONG, "media_url", "file:///etc/passwd")), 400, "media_url");
        assertRefused(http.post(json, form("api_key", apiKey, "service_code", "PROPERTY.STAIRWELL_LIGHT",
                "lat", LAT, "long", LONG, "description", "x".repeat(4001))), 400, "description");
        assertRefused(http.get("/open311/v2/requests.json?start_date=yesterday"), 400, "start_date");
        assertRefused(http.get("/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z"
                + "&end_date=2025-06-01T00:00:00Z"), 400, "90");
        assertRefused(http.get("/open311/v2/requests.json?status=pending"), 400, "status");
    }

    @Test
    void aWindowOfTimeIsAcceptedWithItsOffset() {
        GeoReportHttp.Answer answer = http.get(
                "/open311/v2/requests.xml?start_date=2025-10-01T00:00:00%2B08:00&end_date=2025-10-31T00:00:00Z");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.xml().getDocumentElement().getNodeName()).isEqualTo("service_requests");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "json"})
    void tokensAreNotIssuedSoAnyTokenIsNotFound(String format) {
        GeoReportHttp.Answer answer = http.get("/open311/v2/tokens/12345." + format);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("token");
    }

    @Test
    void anUnknownResourceIsNotFoundInTheErrorShape() {
        GeoReportHttp.Answer answer = http.get("/open311/v2/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.xpath("/errors/error/code")).isEqualTo("404");
    }

    @Test
    void onlyAdministratorsManageAppsAndTheKeyIsShownOnce() {
        GeoReportHttp.Answer list = http.admin("GET", "/api/admin/open311-apps", null);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(appId).doesNotContain(apiKey);
        assertThat(jdbc.queryForObject("SELECT key_hash FROM open311_app WHERE app_id = ?", String.class, appId))
                .hasSize(64).isNotEqualTo(apiKey);
        assertThat(http.admin("POST", "/api/admin/open311-apps", Map.of("id", appId, "name", "重复")).status())
                .isEqualTo(409);
        assertThat(http.admin("POST", "/api/admin/open311-apps", Map.of("id", "bad id!", "name", "x")).body())
                .contains("id");
    }

    private static void assertRefused(GeoReportHttp.Answer answer, int status, String named) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode errors = answer.json();
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
        assertThat(errors.toString()).contains(named);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("org.gridcase");
    }

    private static String phone() {
        return "1391300%04d".formatted(PHONES.incrementAndGet());
    }
}
