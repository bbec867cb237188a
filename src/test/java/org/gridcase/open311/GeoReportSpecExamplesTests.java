package org.gridcase.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Conformance with GeoReport v2 checked against the specification's own examples, not against gridcase's classes:
 * the example documents below are quoted from the specification (wiki.open311.org/GeoReport_v2, "Example
 * Request" and "Example Response" of each method, and wiki.open311.org/Service_Discovery), and the expectations
 * are read out of them: the root and element names, the nesting, which JSON values are numbers, booleans, arrays.
 * gridcase's answers must use the example's names and nesting (nothing the example does not have), in XML and in
 * JSON (the Spark convention: the same names), with the types and formats the example shows. The example request
 * is posted as the specification writes it, with only what is the city's own replaced (key, jurisdiction,
 * service code, a point in the district).
 */
@DemoDistrictTest
class GeoReportSpecExamplesTests {

    /** POST Service Request, Example Request (body); the values in braces are the city's own. */
    static final String EXAMPLE_REQUEST = "api_key={key}&jurisdiction_id={jurisdiction}&service_code={service}"
            + "&lat={lat}&long={long}&address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111"
            + "&account_id=123456&first_name=john&last_name=smith&phone=111111111"
            + "&description=A+large+sinkhole+is+destroying+the+street"
            + "&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg"
            + "&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001";

    static final String POST_RESPONSE_XML = """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
                <request>
                    <service_request_id>293944</service_request_id>
                    <service_notice>
                        The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code
                    </service_notice>
                    <account_id/>
                </request>
            </service_requests>""";

    static final String POST_RESPONSE_JSON = """
            [
              {
                "service_request_id":293944,
                "service_notice":"The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code",
                "account_id":null
              }
            ]""";

    /** GET Service Request, Example Response (the JSON's "service_code":006 is not JSON; quoted here). */
    static final String REQUEST_XML = """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
                <request>
                    <service_request_id>638344</service_request_id>
                    <status>closed</status>
                    <status_notes>Duplicate request.</status_notes>
                    <service_name>Sidewalk and Curb Issues</service_name>
                    <service_code>006</service_code>
                    <description></description>
                    <agency_responsible></agency_responsible>
                    <service_notice></service_notice>
                    <requested_datetime>2010-04-14T06:37:38-08:00</requested_datetime>
                    <updated_datetime>2010-04-14T06:37:38-08:00</updated_datetime>
                    <expected_datetime>2010-04-15T06:37:38-08:00</expected_datetime>
                    <address>8TH AVE and JUDAH ST</address>
                    <address_id>545483</address_id>
                    <zipcode>94122</zipcode>
                    <lat>37.762221815</lat>
                    <long>-122.4651145</long>
                    <media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg </media_url>
                </request>
            </service_requests>""";

    static final String REQUEST_JSON = """
            [
              {
                "service_request_id":638344,
                "status":"closed",
                "status_notes":"Duplicate request.",
                "service_name":"Sidewalk and Curb Issues",
                "service_code":"006",
                "description":null,
                "agency_responsible":null,
                "service_notice":null,
                "requested_datetime":"2010-04-14T06:37:38-08:00",
                "updated_datetime":"2010-04-14T06:37:38-08:00",
                "expected_datetime":"2010-04-15T06:37:38-08:00",
                "address":"8TH AVE and JUDAH ST",
                "address_id":545483,
                "zipcode":94122,
                "lat":37.762221815,
                "long":-122.4651145,
                "media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"
              }
            ]""";

    /** GET Service List, Example Response (first service; "service_code":001 quoted, as above). */
    static final String SERVICES_XML = """
            <?xml version="1.0" encoding="utf-8"?>
            <services>
                <service>
                    <service_code>001</service_code>
                    <service_name>Cans left out 24x7</service_name>
                    <description>Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.</description>
                    <metadata>true</metadata>
                    <type>realtime</type>
                    <keywords>lorem, ipsum, dolor</keywords>
                    <group>sanitation</group>
                </service>
            </services>""";

    static final String SERVICES_JSON = """
            [
              {
                "service_code":"001",
                "service_name":"Cans left out 24x7",
                "description":"Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.",
                "metadata":true,
                "type":"realtime",
                "keywords":"lorem, ipsum, dolor",
                "group":"sanitation"
              }
            ]""";

    /** Service Discovery, Examples (the first endpoint). */
    static final String DISCOVERY_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <discovery>
                <changeset>2011-02-03 14:18</changeset>
                <contact>You can email or call for assistance api@mycity.org +1 (555) 555-5555</contact>
                <key_service>You can request a key here: http://api.mycity.gov/api_key/request</key_service>
                <endpoints>
                    <endpoint>
                        <specification>http://wiki.open311.org/GeoReport_v2</specification>
                        <url>http://open311.mycity.gov/v2</url>
                        <changeset>2010-11-23 09:01</changeset>
                        <type>production</type>
                        <formats>
                            <format>text/xml</format>
                        </formats>
                    </endpoint>
                </endpoints>
            </discovery>""";

    static final String DISCOVERY_JSON = """
            {
              "changeset":"2011-02-03 14:18",
              "contact":"You can email or call for assistance api@mycity.org +1 (555) 555-5555",
              "key_service":"You can request a key here: http://api.mycity.gov/api_key/request",
              "endpoints":[
                {
                  "specification":"http://wiki.open311.org/GeoReport_v2",
                  "url":"http://open311.mycity.gov/v2",
                  "changeset":"2010-11-23 09:01",
                  "type":"production",
                  "formats":[
                    "text/xml"
                  ]
                }
              ]
            }""";

    /** Errors, Example Response (HTTP/1.1 403 Forbidden). */
    static final String ERRORS_XML = """
            <?xml version="1.0" encoding="utf-8"?>
            <errors>
                <error>
                    <code>403</code>
                    <description>Invalid api_key received -- can't proceed with create_request.</description>
                </error>
            </errors>""";

    static final String ERRORS_JSON = """
            [
              {
                "code":403,
                "description":"Invalid api_key received -- can't proceed with create_request."
              }
            ]""";

    /** The specification's w3 datetime: seconds, and a zone (Z or an offset). */
    static final String W3_DATETIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)";

    static final AtomicInteger APPS = new AtomicInteger();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    GeoReportHttp http;
    String apiKey;

    @BeforeEach
    void registerAnApp() {
        http = new GeoReportHttp(port);
        apiKey = http.issueKey("spec-examples-" + APPS.incrementAndGet());
    }

    @Test
    void theExampleRequestIsAcceptedAndAnsweredInTheExamplesShapeInJsonAndXml() throws Exception {
        for (String format : List.of("json", "xml")) {
            // when: the example request, as the specification writes it
            HttpResponse<String> created = postExample(format, "1390000" + (4000 + APPS.incrementAndGet()));

            // then
            assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
            if (format.equals("json")) {
                assertThat(created.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
                JsonNode answer = JSON.readTree(created.body());
                assertSameShape(answer, JSON.readTree(POST_RESPONSE_JSON), "POST requests.json");
                // a realtime service answers its id, and then no token (the specification: not both)
                assertThat(answer.get(0).has("service_request_id")).isTrue();
                assertThat(answer.get(0).has("token")).isFalse();
            } else {
                assertThat(created.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
                assertXmlDeclaration(created.body());
                assertSameShape(xml(created.body()), xml(POST_RESPONSE_XML), "POST requests.xml");
            }
        }
    }

    @Test
    void aRequestReadsBackInTheExamplesShapeWithItsFormats() throws Exception {
        String id = JSON.readTree(postExample("json", "13900004100").body()).get(0).get("service_request_id")
                .asText();

        GeoReportHttp.Answer json = http.get("/open311/v2/requests/" + id + ".json");
        GeoReportHttp.Answer xml = http.get("/open311/v2/requests/" + id + ".xml");
        GeoReportHttp.Answer list = http.get("/open311/v2/requests.json?service_request_id=" + id);

        assertThat(json.status()).isEqualTo(200);
        assertSameShape(json.json(), JSON.readTree(REQUEST_JSON), "GET requests/{id}.json");
        assertSameShape(list.json(), JSON.readTree(REQUEST_JSON), "GET requests.json");
        assertXmlDeclaration(xml.body());
        assertSameShape(xml(xml.body()), xml(REQUEST_XML), "GET requests/{id}.xml");
        JsonNode request = json.json().get(0);
        assertThat(request.get("status").asText()).isIn("open", "closed");
        assertThat(request.get("requested_datetime").asText()).matches(W3_DATETIME);
        assertThat(request.get("updated_datetime").asText()).matches(W3_DATETIME);
        // the example's media_url comes back as it was sent
        assertThat(request.get("media_url").asText())
                .isEqualTo("http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg");
        assertThat(request.get("description").asText()).isEqualTo("A large sinkhole is destroying the street");
        // WGS84 coordinates are numbers in JSON, as in the example
        assertThat(request.get("lat").isNumber()).as("lat: %s", request.get("lat")).isTrue();
        assertThat(request.get("long").isNumber()).as("long: %s", request.get("long")).isTrue();
    }

    @Test
    void theServiceListAndDiscoveryHaveTheExamplesShape() throws Exception {
        GeoReportHttp.Answer servicesJson = http.get("/open311/v2/services.json");
        GeoReportHttp.Answer servicesXml = http.get("/open311/v2/services.xml");
        GeoReportHttp.Answer discoveryJson = http.get("/open311/v2/discovery.json");
        GeoReportHttp.Answer discoveryXml = http.get("/open311/v2/discovery.xml");

        assertSameShape(servicesJson.json(), JSON.readTree(SERVICES_JSON), "services.json");
        assertSameShape(xml(servicesXml.body()), xml(SERVICES_XML), "services.xml");
        for (JsonNode service : servicesJson.json()) {
            assertThat(service.get("type").asText()).isIn("realtime", "batch", "blackbox");
        }
        assertSameShape(discoveryJson.json(), JSON.readTree(DISCOVERY_JSON), "discovery.json");
        assertSameShape(xml(discoveryXml.body()), xml(DISCOVERY_XML), "discovery.xml");
        for (JsonNode endpoint : discoveryJson.json().get("endpoints")) {
            assertThat(endpoint.get("type").asText()).isIn("production", "test");
            assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        }
    }

    @Test
    void aWrongKeyIsTheExamples403ErrorList() throws Exception {
        apiKey = "not-a-key";
        HttpResponse<String> json = postExample("json", "13900004101");
        HttpResponse<String> xml = postExample("xml", "13900004102");

        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(xml.statusCode()).isEqualTo(403);
        JsonNode errors = JSON.readTree(json.body());
        assertSameShape(errors, JSON.readTree(ERRORS_JSON), "errors (json)");
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(403);
        assertXmlDeclaration(xml.body());
        assertSameShape(xml(xml.body()), xml(ERRORS_XML), "errors (xml)");
    }

    @Test
    void theShapeCheckRefusesWhatTheExampleDoesNotHave() throws Exception {
        // a name of gridcase's own, an object where the example has one, XML nested otherwise
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSameShape(JSON.readTree(
                "[{\"service_request_id\":\"TM-1\",\"caseNumber\":\"TM-1\"}]"), JSON.readTree(POST_RESPONSE_JSON),
                "x")).isInstanceOf(AssertionError.class).hasMessageContaining("caseNumber");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSameShape(JSON.readTree(
                "{\"endpoints\":{\"url\":\"u\"}}"), JSON.readTree(DISCOVERY_JSON), "x"))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSameShape(xml(
                "<service_requests><service_request_id>1</service_request_id></service_requests>"),
                xml(POST_RESPONSE_XML), "x")).isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSameShape(JSON.readTree(
                "[{\"service_code\":\"A\",\"metadata\":\"false\"}]"), JSON.readTree(SERVICES_JSON), "x"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("metadata");
    }

    /** Posts the specification's example request body, the city's own values put in. */
    private HttpResponse<String> postExample(String format, String phone) throws Exception {
        String body = EXAMPLE_REQUEST.replace("{key}", apiKey).replace("{jurisdiction}", "610104")
                .replace("{service}", "PROPERTY.STAIRWELL_LIGHT").replace("{lat}", "34.2795")
                .replace("{long}", "108.8835").replace("phone=111111111", "phone=" + phone);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/open311/v2/requests." + format))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The answer has the example's shape: the same kind of node at every level (array, object, number, boolean,
     * text or null where the example has null), every name it uses is one the example uses at that place, and
     * each array's items have the shape of the example's first item.
     */
    static void assertSameShape(JsonNode actual, JsonNode example, String where) {
        if (example.isArray()) {
            assertThat(actual.isArray()).as("%s is an array", where).isTrue();
            assertThat(actual.size()).as("%s has items", where).isPositive();
            for (JsonNode item : actual) {
                assertSameShape(item, example.get(0), where + "[]");
            }
        } else if (example.isObject()) {
            assertThat(actual.isObject()).as("%s is an object", where).isTrue();
            assertThat(names(actual)).as("%s: names the example uses", where).isSubsetOf(names(example));
            example.fieldNames().forEachRemaining(name -> {
                if (actual.has(name)) {
                    assertSameShape(actual.get(name), example.get(name), where + "." + name);
                }
            });
        } else if (example.isNumber()) {
            // an id or a code the example writes as a number (293944, 545483) is an identifier: text will do
            assertThat(actual.isValueNode()).as("%s is a value: %s", where, actual).isTrue();
        } else if (example.isBoolean()) {
            assertThat(actual.isBoolean()).as("%s is true or false: %s", where, actual).isTrue();
        } else if (!example.isNull()) {
            assertThat(actual.isTextual() || actual.isNull()).as("%s is text: %s", where, actual).isTrue();
        }
    }

    /** The same for XML: the root's name, and every element's children named as the example's are. */
    static void assertSameShape(Document actual, Document example, String where) {
        assertThat(actual.getDocumentElement().getTagName()).as("%s root", where)
                .isEqualTo(example.getDocumentElement().getTagName());
        assertSameShape(actual.getDocumentElement(), example.getDocumentElement(), where);
    }

    private static void assertSameShape(Element actual, Element example, String where) {
        List<Element> exampleChildren = children(example);
        if (exampleChildren.isEmpty()) {
            assertThat(children(actual)).as("%s holds text only", where + "/" + actual.getTagName()).isEmpty();
            return;
        }
        Set<String> allowed = new LinkedHashSet<>(exampleChildren.stream().map(Element::getTagName).toList());
        for (Element child : children(actual)) {
            assertThat(child.getTagName()).as("%s: names the example uses", where + "/" + actual.getTagName())
                    .isIn(allowed);
            Element model = exampleChildren.stream().filter(e -> e.getTagName().equals(child.getTagName()))
                    .findFirst().orElseThrow();
            assertSameShape(child, model, where + "/" + actual.getTagName());
        }
    }

    private static void assertXmlDeclaration(String body) {
        // the specification: the root element preceded by the XML declaration with the encoding attribute
        assertThat(body).as("XML declaration").matches("(?s)<\\?xml version=\"1\\.0\" encoding=\"(?i:utf-8)\"\\?>.*");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.strip().getBytes(StandardCharsets.UTF_8)));
    }
}
