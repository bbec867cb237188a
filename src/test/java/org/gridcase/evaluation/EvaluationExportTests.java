package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every evaluation table exported over HTTP as the demo users call it, read back (CSV parsed, XLSX read with POI)
 * and compared cell by cell with the JSON of the same request; a street's export holds only its own units; the
 * monthly report PDF read back with PDFBox. March 2021, hand-built facts no other test uses: six cases led by
 * 城管 in 土门街道 (one red card, one warning), four by 住建 (three in 红庙坡街道, below the minimum sample).
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationExportTests {

    static final String TUMEN = "610104007";
    static final String HONGMIAO = "610104006";
    static final String MARCH = "period=MONTH&date=2021-03-15";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void march() {
        for (String table : List.of("checkin_fact", "ladder_fact", "case_fact")) {
            jdbc.update("DELETE FROM " + table + " WHERE case_number LIKE 'EX3-%'");
        }
        jdbc.update("DELETE FROM evaluation_month_row WHERE evaluated_month = '2021-03'");
        jdbc.update("DELETE FROM evaluation_month_log WHERE evaluated_month = '2021-03'");
        jdbc.update("DELETE FROM evaluation_month WHERE evaluated_month = '2021-03'");
        FactRows rows = new FactRows(jdbc);
        String[] satisfactions = {"SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED", "NO_RESPONSE",
                "SATISFIED"};
        for (int i = 1; i <= 10; i++) {
            String number = "EX3-" + i;
            String street = i <= 7 ? TUMEN : HONGMIAO;
            String department = i <= 6 ? "chengguan" : "zhujian";
            String day = String.format("2021-03-%02d", i);
            FactRows.Case c = rows.received(number, street, day + "T09:00:00+08:00").dispatchedTo(department);
            if (i != 5) { // one still open
                c.closed(day + "T17:00:00+08:00", i != 2, i == 3 ? "PARTIALLY" : "RESOLVED",
                        satisfactions[(i - 1) % satisfactions.length]);
            }
            c.insert();
            rows.summons(number, department, true, day + "T09:10:00+08:00", true, i == 4, 25 + i);
        }
        rows.summons("EX3-1", "zhujian", false, "2021-03-01T09:20:00+08:00", true, false, 40);
        rows.rung("EX3-4", "CHECK_IN", "WARNING", "chengguan", "2021-03-04T10:00:00+08:00");
        rows.rung("EX3-2", "HANDLING", "RED_CARD", "chengguan", "2021-03-05T10:00:00+08:00");
    }

    @Test
    void theOverviewExportsAsItsJson() throws Exception {
        String path = "/api/evaluation/overview?" + MARCH;
        JsonNode overview = json(get("supervisor", path));
        List<Map<String, Object>> csv = csv(get("supervisor", path + "&format=csv"));
        List<Map<String, Object>> xlsx = xlsx(get("supervisor", path + "&format=xlsx"));

        for (List<Map<String, Object>> table : List.of(csv, xlsx)) {
            assertThat(table).hasSize(1 + overview.get("trend").size());
            assertThat(table.get(0).get("期间")).isEqualTo("合计 2021-03-01至2021-03-31");
            sameFigures(table.get(0), overview.get("figures"));
            for (int i = 0; i < overview.get("trend").size(); i++) {
                sameFigures(table.get(i + 1), overview.get("trend").get(i).get("figures"));
            }
        }
        assertThat(number(csv.get(0), "受理量（件）")).isGreaterThanOrEqualTo(10.0);
    }

    @Test
    void aBreakdownExportsAsItsJsonAndAStreetsHoldsOnlyItsUnits() throws Exception {
        String path = "/api/evaluation/breakdown?dimension=COMMUNITY&" + MARCH;
        JsonNode all = json(get("supervisor", path));
        HttpResponse<byte[]> file = get("supervisor", path + "&format=csv");
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(fileName(file)).isEqualTo("考核分项_按社区_2021-03-01至2021-03-31.csv");
        for (List<Map<String, Object>> table : List.of(csv(file), xlsx(get("supervisor", path + "&format=xlsx")))) {
            assertThat(table).hasSize(all.get("rows").size());
            for (int i = 0; i < table.size(); i++) {
                JsonNode row = all.get("rows").get(i);
                assertThat(table.get(i).get("社区代码")).isEqualTo(row.path("key").asText(null));
                assertThat(table.get(i).get("社区")).isEqualTo(row.get("name").asText());
                sameFigures(table.get(i), row.get("figures"));
            }
        }
        assertThat(csv(get("supervisor", path + "&format=csv"))).extracting(r -> r.get("社区代码"))
                .contains(TUMEN + "001", HONGMIAO + "001");

        List<Map<String, Object>> street = csv(get("street.dispatcher", path + "&format=csv"));
        assertThat(street).extracting(r -> (String) r.get("社区代码")).isNotEmpty()
                .allSatisfy(code -> assertThat(code).startsWith(TUMEN));
        sameFigures(street.stream().filter(r -> (TUMEN + "001").equals(r.get("社区代码"))).findFirst().orElseThrow(),
                rowOf(json(get("street.dispatcher", path)), TUMEN + "001"));
    }

    @Test
    void theHotspotsExportAsTheirJsonAndAStreetsHoldOnlyItsUnits() throws Exception {
        String path = "/api/evaluation/hotspots?level=COMMUNITY&" + MARCH;
        JsonNode list = json(get("supervisor", path));
        for (List<Map<String, Object>> rows : List.of(csv(get("supervisor", path + "&format=csv")),
                xlsx(get("supervisor", path + "&format=xlsx")))) {
            assertThat(rows).hasSize(list.get("rows").size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> r = rows.get(i);
                JsonNode h = list.get("rows").get(i);
                assertThat(r.get("社区代码")).isEqualTo(h.get("key").asText());
                assertThat(r.get("社区")).isEqualTo(h.get("name").asText());
                same(r, "受理量", h.get("received"));
                same(r, "重复诉求", h.get("repeats"));
                same(r, "重复诉求率（%）", h.get("repeatRate"));
                same(r, "未解决（含部分解决）", h.get("unresolved"));
                same(r, "回访有答复", h.get("answered"));
                same(r, "未解决占比（%）", h.get("unresolvedShare"));
                same(r, "超期在办", h.get("overdueOpen"));
                for (int m = 0; m < list.get("trendMonths").size(); m++) {
                    same(r, list.get("trendMonths").get(m).asText().substring(0, 7) + " 受理", h.get("trend").get(m));
                }
            }
            assertThat(rows).extracting(r -> r.get("社区代码")).contains(TUMEN + "001", HONGMIAO + "001");
        }
        assertThat(csv(get("street.dispatcher", path + "&format=csv"))).extracting(r -> (String) r.get("社区代码"))
                .isNotEmpty().allSatisfy(code -> assertThat(code).startsWith(TUMEN));
    }

    @Test
    void theDepartmentTableExportsAsItsJsonWithEachDepartmentsRedCards() throws Exception {
        String path = "/api/evaluation/departments?month=2021-03";
        JsonNode table = json(get("supervisor", path));
        List<JsonNode> departments = new ArrayList<>();
        table.get("lead").forEach(departments::add);
        table.get("assisting").forEach(departments::add);
        JsonNode chengguan = departments.get(0);
        assertThat(chengguan.get("departmentCode").asText()).isEqualTo("chengguan");
        assertThat(chengguan.get("redCards").asInt()).isEqualTo(1);
        assertThat(chengguan.get("redCardsPer100").asDouble()).isEqualTo(16.67);
        assertThat(chengguan.get("warnings").asInt()).isEqualTo(1);

        HttpResponse<byte[]> file = get("supervisor", path + "&format=xlsx");
        assertThat(fileName(file)).isEqualTo("部门协调响应评价_2021-03_未关账.xlsx");
        for (List<Map<String, Object>> rows : List.of(csv(get("supervisor", path + "&format=csv")), xlsx(file))) {
            assertThat(rows).hasSize(departments.size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> r = rows.get(i);
                JsonNode d = departments.get(i);
                assertThat(r.get("角色")).isEqualTo(d.get("lead").asBoolean() ? "主办" : "协办");
                assertThat(r.get("部门")).isEqualTo(d.get("departmentName").asText());
                same(r, "排名", d.get("place"));
                same(r, "综合得分", d.get("score"));
                same(r, "工单数", d.get("cases"));
                same(r, "响应率（%）", d.get("responseRate"));
                same(r, "响应率·分子（按时报到）", d.get("onTime"));
                same(r, "响应率·分母（已有结果的召集）", d.get("settled"));
                same(r, "解决率（%）", d.get("solvedRate"));
                same(r, "解决率·分母（回访有答复）", d.get("answered"));
                same(r, "满意率（%）", d.get("satisfactionRate"));
                same(r, "满意率·分子（满意及基本满意）", d.get("satisfied"));
                same(r, "未评价", d.get("unrated"));
                same(r, "预警次数", d.get("warnings"));
                same(r, "红牌次数", d.get("redCards"));
                same(r, "红牌（每百件）", d.get("redCardsPer100"));
            }
        }
    }

    @Test
    void theCasesBehindANumberExportOnlyTheCallersCases() throws Exception {
        String tumenCase = open("610104007001001", "13700005201");
        String hongmiaoCase = open("610104006001001", "13700005202");
        String path = "/api/evaluation/cases?period=DAY&measure=RECEIVED&size=200";

        JsonNode page = json(get("street.dispatcher", path));
        for (List<Map<String, Object>> rows : List.of(csv(get("street.dispatcher", path + "&format=csv")),
                xlsx(get("street.dispatcher", path + "&format=xlsx")))) {
            assertThat(rows).extracting(r -> r.get("工单编号")).contains(tumenCase).doesNotContain(hongmiaoCase)
                    .containsExactlyElementsOf(page.get("cases").findValuesAsText("caseNumber"));
            assertThat(rows).extracting(r -> r.get("类别")).containsExactlyElementsOf(
                    page.get("cases").findValuesAsText("categoryName"));
        }
        assertThat(csv(get("hongmiao.dispatcher", path + "&format=csv"))).extracting(r -> r.get("工单编号"))
                .contains(hongmiaoCase).doesNotContain(tumenCase);
    }

    @Test
    void refusesAnUnknownFormatNamingTheFieldInChinese() throws Exception {
        for (String path : List.of("/api/evaluation/overview?format=pdf", "/api/evaluation/breakdown?dimension=STREET"
                + "&format=doc", "/api/evaluation/departments?format=xls", "/api/evaluation/hotspots?format=txt",
                "/api/evaluation/cases?measure=RECEIVED&format=html")) {
            HttpResponse<byte[]> answer = get("supervisor", path);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            JsonNode problem = json(answer);
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("format");
            assertThat(problem.get("detail").asText()).contains("导出格式");
        }
    }

    @Test
    void printsTheMonthlyReportReadableBackFrozenOnceClosed() throws Exception {
        JsonNode table = json(get("supervisor", "/api/evaluation/departments?month=2021-03"));
        JsonNode chengguan = table.get("lead").get(0);

        HttpResponse<byte[]> pdf = get("supervisor", "/api/evaluation/departments/report.pdf?month=2021-03");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(fileName(pdf)).isEqualTo("部门协调响应评价月报_2021-03.pdf");
        String text = text(pdf.body(), true);
        assertThat(text).contains("部门协调响应评价月报", "2021年3月", "范围：全区", "未关账", "本月总体指标",
                "莲湖区城市管理和综合执法局", "莲湖区住房和城乡建设局", "红黑榜", "指标定义", "按期办结率", "不排名");
        assertThat(text).contains(String.format("%.2f", chengguan.get("score").asDouble()))
                .contains(String.format("%.2f%%（%d/%d）", chengguan.get("responseRate").asDouble(),
                        chengguan.get("onTime").asInt(), chengguan.get("settled").asInt()));
        assertThat(text.replace(" ", "")).as("城管's warnings / escalations / red cards").contains("1/0/1");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "evaluation-report.pdf"), pdf.body());

        assertThat(send("admin", "POST", "/api/evaluation/departments/2021-03/close").statusCode()).isEqualTo(200);
        String frozen = text(get("supervisor", "/api/evaluation/departments/report.pdf?month=2021-03").body(), false);
        assertThat(frozen).contains("已关账", "admin").doesNotContain("未关账");
        // a department reads its own rows only
        String own = text(get("dept.chengguan", "/api/evaluation/departments/report.pdf?month=2021-03").body(), false);
        assertThat(own).contains("莲湖区城市管理和综合执法局").doesNotContain("莲湖区住房和城乡建设局");
    }

    // --- reading the exports back -------------------------------------------------------------------------------

    /** Every figure's cells in the row equal the JSON figure: value, numerator, denominator as its kind has them. */
    private static void sameFigures(Map<String, Object> row, JsonNode figures) {
        for (JsonNode f : figures) {
            Measure m = Measure.valueOf(f.get("measure").asText());
            String value = m.label() + "（" + m.unit() + "）";
            same(row, value, f.get("value"));
            switch (m.kind()) {
                case RATE, NOT_YET -> {
                    same(row, m.label() + "·分子", f.get("numerator"));
                    same(row, m.label() + "·分母", f.get("denominator"));
                }
                case PER_100 -> {
                    same(row, m.label() + "·次数", f.get("numerator"));
                    same(row, m.label() + "·工单数", f.get("denominator"));
                }
                case MINUTES_AVERAGE -> {
                    same(row, m.label() + "·合计分钟", f.get("numerator"));
                    same(row, m.label() + "·已报到", f.get("denominator"));
                }
                case MINUTES_P90 -> same(row, m.label() + "·已报到", f.get("denominator"));
                case COUNT -> { }
            }
        }
    }

    private static void same(Map<String, Object> row, String column, JsonNode expected) {
        assertThat(row).as("column " + column).containsKey(column);
        Object actual = row.get(column);
        if (expected == null || expected.isNull()) {
            assertThat(actual).as(column).isNull();
        } else {
            double number = actual instanceof String text ? Double.parseDouble(text) : (Double) actual;
            assertThat(number).as(column).isCloseTo(expected.asDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    private static Double number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof String text ? Double.valueOf(text) : (Double) value;
    }

    /** Rows by header, as the text of the cells (a number is read as one where the JSON has one); empty: null. */
    private static List<Map<String, Object>> csv(HttpResponse<byte[]> answer) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(200);
        List<String[]> lines = TableExportTests.parse(answer.body());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String[] line : lines.subList(1, lines.size())) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < line.length; i++) {
                String cell = line[i];
                row.put(lines.get(0)[i], cell.isEmpty() ? null : cell);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Rows by header; a percentage cell back in per cent, as the JSON gives it. */
    private static List<Map<String, Object>> xlsx(HttpResponse<byte[]> answer) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            Row head = sheet.getRow(0);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < head.getLastCellNum(); i++) {
                    Cell cell = sheet.getRow(r).getCell(i);
                    Object value = null;
                    if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                        boolean percent = cell.getCellStyle().getDataFormatString().contains("%");
                        value = percent ? Math.round(cell.getNumericCellValue() * 100 * 1e6) / 1e6
                                : cell.getNumericCellValue();
                    } else if (cell != null && cell.getCellType() == CellType.STRING) {
                        value = cell.getStringCellValue();
                    }
                    row.put(head.getCell(i).getStringCellValue(), value);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static JsonNode rowOf(JsonNode breakdown, String key) {
        for (JsonNode row : breakdown.get("rows")) {
            if (key.equals(row.path("key").asText())) {
                return row.get("figures");
            }
        }
        throw new AssertionError("no row " + key);
    }

    private static String fileName(HttpResponse<byte[]> answer) {
        String disposition = answer.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).contains("filename*=UTF-8''");
        String encoded = disposition.substring(disposition.indexOf("UTF-8''") + 7).replace("\"", "");
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static String text(byte[] pdf, boolean a4) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (a4) {
                PDRectangle page = document.getPage(0).getMediaBox();
                assertThat(Math.round(page.getWidth() / 72 * 25.4)).as("A4 width in mm").isEqualTo(210);
            }
            return new PDFTextStripper().getText(document);
        }
    }

    private String open(String grid, String phone) throws Exception {
        HttpResponse<byte[]> opened = send("hotline", "POST", "/api/cases", json.writeValueAsString(Map.of("category",
                "MUNICIPAL.ROAD_DAMAGE", "description", "路面破损", "address", "测试地址", "gridCode", grid,
                "reporterName", "王女士", "reporterPhone", phone, "channel", "HOTLINE_12345")));
        assertThat(opened.statusCode()).isEqualTo(201);
        String number = json(opened).get("caseNumber").asText();
        Instant deadline = Instant.now().plusSeconds(30);
        while (jdbc.queryForObject("SELECT COUNT(*) FROM case_fact WHERE case_number = ? AND street_code IS NOT NULL",
                Integer.class, number) == 0) {
            assertThat(Instant.now()).as("case placed by the job executor").isBefore(deadline);
            Thread.sleep(200);
        }
        return number;
    }

    private JsonNode json(HttpResponse<byte[]> answer) throws Exception {
        return json.readTree(answer.body());
    }

    private HttpResponse<byte[]> get(String user, String path) throws Exception {
        return send(user, "GET", path, null);
    }

    private HttpResponse<byte[]> send(String user, String method, String path) throws Exception {
        return send(user, method, path, "{}");
    }

    private HttpResponse<byte[]> send(String user, String method, String path, String body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).header("Accept-Language", "zh-CN")
                .timeout(Duration.ofSeconds(60));
        request = body == null ? request.GET() : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
