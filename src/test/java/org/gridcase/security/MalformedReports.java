package org.gridcase.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Intake bodies that are malformed, generated from a seed so that a failure can be replayed: a valid report with
 * one to three field mutations, or a body broken as a whole (truncated, invalid UTF-8, nested too deep, trailing
 * junk, not an object). Every mutation on its own makes the report one the API must refuse; mutations that a
 * lenient reader may legitimately accept (a number where text is expected, an unknown field) are not used.
 */
final class MalformedReports {

    /** What each body is, so that a failing answer names its cause. */
    record Body(String kind, byte[] bytes) {

        String preview() {
            String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
            return kind + " (" + bytes.length + " bytes): " + text;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TEXT_FIELDS = {"category", "description", "address", "reporterName",
            "reporterPhone", "gridCode"};
    private static final String[] REQUIRED = {"category", "description", "address", "channel"};
    /** Not one an enum knows (Jackson trims a name before it looks it up, so " URGENT" is not among them). */
    private static final String[] WORDS = {"CARRIER_PIGEON", "resident_app", "Resident_App", "URGENTISH", "紧急",
            "HOTLINE", "GRID", "PIGEON_POST", "routine", "EMERGENCY_", "URGENT!", "", "ROUTINE\u0000X"};
    private static final String[] BAD_LINKS = {"not a link", "javascript:alert(1)", "ftp://example.org/p.jpg",
            "file:///etc/passwd", "http://", "https://", "https://exa mple.org/p.jpg", "data:image/png;base64,AAAA",
            "//example.org/p.jpg", "", "   ", "example.org/p.jpg", "http:/example.org", "gopher://example.org/"};

    private final Random random;
    private final ObjectMapper json = new ObjectMapper();
    private final double lat;
    private final double lon;

    MalformedReports(long seed, double lat, double lon) {
        this.random = new Random(seed);
        this.lat = lat;
        this.lon = lon;
    }

    List<Body> generate(int count) {
        List<Body> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(random.nextInt(10) < 6 ? mutatedFields() : brokenAsAWhole());
        }
        return bodies;
    }

    /** A report as a resident's app sends it, accepted as it stands. */
    ObjectNode valid() {
        ObjectNode report = NODES.objectNode();
        report.put("category", "TRAFFIC.ILLEGAL_PARKING");
        report.put("urgency", "ROUTINE");
        report.put("description", "小区门口长期占道停车，消防通道被堵");
        report.put("address", "测试社区东门");
        report.put("lat", lat);
        report.put("lon", lon);
        report.put("reporterName", "陈女士");
        report.put("reporterPhone", "13811112222");
        report.put("channel", "RESIDENT_APP");
        report.putArray("photoLinks").add("https://example.org/p1.jpg");
        return report;
    }

    private Body mutatedFields() {
        ObjectNode report = valid();
        List<String> kinds = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            kinds.add(mutate(report));
        }
        return new Body(String.join("+", kinds), bytes(report));
    }

    private String mutate(ObjectNode report) {
        switch (random.nextInt(10)) {
            case 0 -> {
                String field = pick(TEXT_FIELDS);
                report.set(field, random.nextBoolean() ? junkObject(1 + random.nextInt(4)) : junkArray());
                return "wrong-type:" + field;
            }
            case 1 -> {
                String field = random.nextBoolean() ? "lat" : "lon";
                report.set(field, pick(NODES.textNode("北纬三十四度"), NODES.textNode("abc"), NODES.booleanNode(true),
                        junkObject(1), junkArray(), NODES.textNode("34.5.6")));
                return "wrong-type:" + field;
            }
            case 2 -> {
                String field = random.nextBoolean() ? "channel" : "urgency";
                report.set(field, pick(NODES.numberNode(random.nextInt(4)), NODES.numberNode(random.nextInt(100) - 50),
                        NODES.booleanNode(false), junkObject(1), junkArray(), NODES.numberNode(1.5)));
                return "wrong-type:" + field;
            }
            case 3 -> {
                String field = random.nextBoolean() ? "channel" : "urgency";
                report.put(field, pick(WORDS) + (random.nextBoolean() ? "" : "_" + random.nextInt(1000)));
                return "unknown-enum:" + field;
            }
            case 4 -> {
                return nulls(report);
            }
            case 5 -> {
                return overlong(report);
            }
            case 6 -> {
                return outOfRange(report);
            }
            case 7 -> {
                ArrayNode links = report.putArray("photoLinks");
                links.add("https://example.org/ok.jpg");
                links.add(pick(BAD_LINKS));
                return "bad-photo-link";
            }
            case 8 -> {
                String field = pick("category", "description", "address", "reporterName");
                String text = report.path(field).asText("文本");
                int at = random.nextInt(text.length() + 1);
                report.put(field, text.substring(0, at) + "\u0000" + text.substring(at));
                return "nul-character:" + field;
            }
            default -> {
                return badLocationOrPhone(report);
            }
        }
    }

    private String nulls(ObjectNode report) {
        int choice = random.nextInt(4);
        if (choice == 0) {
            String field = pick(REQUIRED);
            report.putNull(field);
            return "null:" + field;
        }
        if (choice == 1) {
            String field = pick(REQUIRED);
            report.remove(field);
            return "missing:" + field;
        }
        if (choice == 2) {
            // one coordinate without the other (and no grid code)
            report.putNull(random.nextBoolean() ? "lat" : "lon");
            report.remove("gridCode");
            return "null:coordinate";
        }
        report.putArray("photoLinks").add("https://example.org/p1.jpg").addNull();
        return "null:photoLink";
    }

    private String overlong(ObjectNode report) {
        switch (random.nextInt(7)) {
            case 0 -> report.put("category", "TRAFFIC." + "X".repeat(57 + random.nextInt(500)));
            case 1 -> report.put("description", text(4001 + random.nextInt(random.nextInt(10) == 0 ? 2_000_000 : 5000)));
            case 2 -> report.put("address", text(201 + random.nextInt(5000)));
            case 3 -> report.put("reporterName", text(51 + random.nextInt(500)));
            case 4 -> report.put("reporterPhone", "138" + "1".repeat(9 + random.nextInt(200)));
            case 5 -> {
                ArrayNode links = report.putArray("photoLinks");
                for (int i = 0; i < 10 + random.nextInt(300); i++) {
                    links.add("https://example.org/p" + i + ".jpg");
                }
            }
            default -> report.putArray("photoLinks").add("https://example.org/" + "p".repeat(390 + random.nextInt(5000)));
        }
        return "overlong";
    }

    private String outOfRange(ObjectNode report) {
        boolean latitude = random.nextBoolean();
        double limit = latitude ? 90 : 180;
        String field = latitude ? "lat" : "lon";
        switch (random.nextInt(5)) {
            case 0 -> report.put(field, (random.nextBoolean() ? 1 : -1) * (limit + 0.000001 + random.nextDouble() * 1000));
            case 1 -> report.put(field, random.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE);
            case 2 -> report.put(field, new java.math.BigInteger("9".repeat(20 + random.nextInt(400))));
            case 3 -> report.put(field, random.nextBoolean() ? "NaN" : "Infinity");
            default -> {
                // a literal too large for a double (Jackson reads 1e400 as infinity) or too long to read at all
                return "out-of-range:" + field + rawNumber(report, field);
            }
        }
        return "out-of-range:" + field;
    }

    /** Numbers Jackson's tree cannot hold are written as text and unquoted when the body is serialised. */
    private String rawNumber(ObjectNode report, String field) {
        String literal = random.nextBoolean() ? "1e" + (309 + random.nextInt(100000))
                : "1" + "0".repeat(1000 + random.nextInt(5000)) + ".5";
        report.put(field, "\u0001RAW" + literal);
        return ":raw";
    }

    private String badLocationOrPhone(ObjectNode report) {
        switch (random.nextInt(3)) {
            case 0 -> {
                report.put("gridCode", pick("abc", "12345", "9".repeat(15), "61010400700100１", "610104007001001 "));
                return "bad-grid-code";
            }
            case 1 -> {
                report.remove("lat");
                report.remove("lon");
                report.remove("gridCode");
                return "no-location";
            }
            default -> {
                report.put("reporterPhone", pick("12345", "abc", "+86 13800001234", "1380000123", "23800001234",
                        "138-0000-1234", "029-8888", "１３８００００１２３４"));
                return "bad-phone";
            }
        }
    }

    private Body brokenAsAWhole() {
        byte[] valid = bytes(valid());
        switch (random.nextInt(6)) {
            case 0 -> {
                int lastBrace = new String(valid, StandardCharsets.ISO_8859_1).lastIndexOf('}');
                byte[] cut = new byte[random.nextInt(lastBrace)];
                System.arraycopy(valid, 0, cut, 0, cut.length);
                return new Body("truncated", cut);
            }
            case 1 -> {
                // a byte that is never valid UTF-8, or a continuation byte without its lead
                int at = random.nextInt(valid.length + 1);
                int bad = random.nextBoolean() ? pickInt(0xC0, 0xC1, 0xF5, 0xF8, 0xFE, 0xFF) : 0x80 + random.nextInt(0x40);
                return new Body("invalid-utf8", insert(valid, at, (byte) bad));
            }
            case 2 -> {
                int depth = 1001 + random.nextInt(random.nextBoolean() ? 5000 : 200_000);
                boolean arrays = random.nextBoolean();
                String open = arrays ? "[" : "{\"a\":";
                String close = arrays ? "]" : "}";
                String field = pick("category", "description", "photoLinks", "lat", "junk");
                String nested = open.repeat(depth) + "1" + close.repeat(depth);
                String text = new String(valid, StandardCharsets.UTF_8);
                return new Body("deep-nesting:" + field, (text.substring(0, text.length() - 1) + ",\"" + field + "\":"
                        + nested + "}").getBytes(StandardCharsets.UTF_8));
            }
            case 3 -> {
                String junk = pick("xyz", "}", "{}", "{\"category\":", "]", ",", "\"a\"", "\u0000");
                return new Body("trailing-junk", concat(valid, junk.getBytes(StandardCharsets.UTF_8)));
            }
            case 4 -> {
                return new Body("not-an-object", pick("", " ", "null", "[]", "[" + new String(valid,
                        StandardCharsets.UTF_8) + "]", "123", "\"报告\"", "true", "{", "}", "{\"category\"}",
                        "{'category':'TRAFFIC'}", "category=TRAFFIC.ILLEGAL_PARKING").getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                byte[] noise = new byte[1 + random.nextInt(2000)];
                random.nextBytes(noise);
                noise[0] = (byte) pickInt('{', '[', 0xFF, 0x00, 'x');
                return new Body("random-bytes", noise);
            }
        }
    }

    private ObjectNode junkObject(int depth) {
        ObjectNode junk = NODES.objectNode();
        junk.put("value", "x");
        if (depth > 1) {
            junk.set("inner", random.nextBoolean() ? junkObject(depth - 1) : junkArray());
        }
        return junk;
    }

    private ArrayNode junkArray() {
        ArrayNode junk = NODES.arrayNode();
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
            junk.add(pick(NODES.textNode("a"), NODES.numberNode(i), NODES.nullNode(), NODES.objectNode()));
        }
        return junk;
    }

    private String text(int length) {
        StringBuilder text = new StringBuilder(length);
        String alphabet = "路灯不亮井盖缺失垃圾堆放占道经营噪音扰民 abc123";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private byte[] bytes(ObjectNode report) {
        try {
            String text = json.writeValueAsString(report);
            // numbers beyond a double: unquote the raw literals rawNumber() left as marked text
            text = text.replaceAll("\"\\\\u0001RAW([^\"]*)\"", "$1");
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] insert(byte[] bytes, int at, byte inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 1);
        out.write(bytes, 0, at);
        out.write(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private int pickInt(int... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
