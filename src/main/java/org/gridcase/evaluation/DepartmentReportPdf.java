package org.gridcase.evaluation;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.audit.CjkPdf;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseScope;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.gridcase.registry.UnitView;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The monthly evaluation report (部门协调响应评价月报) as an A4 PDF, in the audit report's Chinese font with its text
 * extractable ({@link CjkPdf}): the month's headline rates with their samples, the lead and assisting department
 * tables with composite score and place, 红黑榜, the settings, and the measures' definitions as an appendix; frozen
 * or provisional stated at the top. The caller's own view: the same figures and rows the API gives them.
 */
@Component
class DepartmentReportPdf {

    /** The headline measures of the report, in this order. */
    static final List<Measure> HEADLINE = List.of(Measure.RECEIVED, Measure.CLOSED, Measure.CLOSURE_RATE,
            Measure.ON_TIME_RATE, Measure.DUE_ON_TIME_RATE, Measure.RESPONSE_RATE, Measure.SOLVED_RATE,
            Measure.SATISFACTION_RATE, Measure.REOPEN_RATE, Measure.WARNINGS_PER_100, Measure.ESCALATIONS_PER_100,
            Measure.RED_CARDS_PER_100);

    private final DepartmentEvaluation departments;
    private final Evaluation evaluation;
    private final CaseQueries cases;
    private final UnitService units;
    private final KeyNames names;
    private final DateTimeFormatter time;

    DepartmentReportPdf(DepartmentEvaluation departments, Evaluation evaluation, CaseQueries cases, UnitService units,
            KeyNames names) {
        this.departments = departments;
        this.evaluation = evaluation;
        this.cases = cases;
        this.units = units;
        this.names = names;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(evaluation.zone());
    }

    static String title(YearMonth month) {
        return "部门协调响应评价月报_" + month;
    }

    byte[] render(YearMonth month) {
        DepartmentTable table = departments.table(month);
        EvaluationViews.Overview overview = evaluation.overview(Period.month(month, evaluation.zone()),
                Filters.NONE);
        Map<Measure, Figure> figures = overview.figures().stream()
                .collect(Collectors.toMap(Figure::measure, Function.identity()));
        StringBuilder html = new StringBuilder("""
                <html><head><meta charset="UTF-8"/><style>
                @page { size: A4; margin: 16mm 14mm; @bottom-center { content: "第 " counter(page) " 页"; font-family: %1$s; font-size: 8pt; } }
                body { font-family: %1$s; font-size: 9pt; line-height: 1.45; }
                h1 { text-align: center; font-size: 16pt; margin: 0 0 2pt 0; } h2 { font-size: 11.5pt; margin: 12pt 0 4pt 0; page-break-after: avoid; }
                .sub { text-align: center; margin: 0 0 8pt 0; } .state { border: 0.6pt solid #888; padding: 4pt 6pt; }
                table { border-collapse: collapse; width: 100%%; -fs-table-paginate: paginate; }
                th, td { border: 0.5pt solid #999; padding: 2pt 3pt; } th { background: #eee; font-weight: normal; }
                td.n { text-align: right; } table.d { font-size: 8pt; } table.d td, table.d th { white-space: nowrap; } .note { color: #444; font-size: 8pt; } dt { margin-top: 4pt; } dd { margin: 0 0 0 12pt; }
                </style></head><body>
                """.formatted(CjkPdf.FONT_FAMILY));
        html.append("<h1>").append(e(district())).append("部门协调响应评价月报</h1>");
        html.append("<p class=\"sub\">").append(month.getYear()).append("年").append(month.getMonthValue())
                .append("月　统计期间 ").append(overview.period().from()).append(" 至 ").append(overview.period().to())
                .append("</p>");
        html.append("<p>范围：").append(e(scope(cases.scope()))).append("</p>");
        html.append("<p class=\"state\">").append(e(state(table))).append("</p>");

        html.append("<h2>一、本月总体指标</h2><table><tr><th>指标</th><th>数值</th><th>分子</th><th>分母（样本）</th>"
                + "<th>统计口径</th></tr>");
        for (Measure m : HEADLINE) {
            Figure f = figures.get(m);
            html.append("<tr><td>").append(e(m.label())).append("</td><td class=\"n\">").append(value(f))
                    .append("</td><td class=\"n\">").append(f.numerator() == null ? "" : f.numerator())
                    .append("</td><td class=\"n\">").append(f.denominator()).append("</td><td>")
                    .append(e(m.countedBy())).append("</td></tr>");
        }
        html.append("</table>");

        html.append("<h2>二、主办部门评价与排名</h2>").append(departmentTable(table.lead()));
        html.append("<h2>三、协办部门评价与排名</h2>").append(departmentTable(table.assisting()));
        html.append("<h2>四、红黑榜</h2><table><tr><th>榜单</th><th>部门（综合得分）</th></tr>");
        html.append(list("主办 红榜", table.leadRedList())).append(list("主办 黑榜", table.leadBlackList()))
                .append(list("协办 红榜", table.assistingRedList())).append(list("协办 黑榜", table.assistingBlackList()))
                .append("</table><p class=\"note\">红榜为排名前三，黑榜为排名末三（不与红榜重复）；工单数不足最低样本的部门列出但不排名。</p>");
        EvaluationSettings s = table.settings();
        html.append("<h2>五、评价参数</h2><p>综合得分 = 响应率 × ").append(s.responseWeight()).append("% + 解决率 × ")
                .append(s.solvedWeight()).append("% + 满意率 × ").append(s.satisfactionWeight())
                .append("%（某项无样本时不计该项，其余权重按比例折算）；本月工单数不少于 ").append(s.minimumCases())
                .append(" 件的部门参与排名。</p>");

        html.append("<h2>附：指标定义</h2><dl>");
        List<Measure> defined = new ArrayList<>(HEADLINE);
        defined.add(Measure.PARTIALLY_SOLVED_RATE);
        defined.add(Measure.UNRATED);
        for (Measure m : defined) {
            html.append("<dt>").append(e(m.label())).append("（").append(e(m.countedBy())).append("）</dt><dd>")
                    .append(e(m.definition())).append("</dd>");
        }
        html.append("<dt>部门预警、升级、红牌</dt><dd>本月召集该部门（按主办、协办角色）的工单上，升级链指向该部门的预警、升级、红牌次数；"
                + "每百件 = 次数 × 100 ÷ 该部门本月工单数。</dd></dl>");
        html.append("<p class=\"note\">生成时间 ").append(time.format(ClockUtil.getCurrentTime().toInstant()))
                .append("</p></body></html>");
        return CjkPdf.render(html.toString());
    }

    private String departmentTable(List<DepartmentRow> rows) {
        if (rows.isEmpty()) {
            return "<p>本月无记录。</p>";
        }
        // one line a department, names and figures unbroken (a wrapped name is neither readable nor searchable)
        StringBuilder t = new StringBuilder("<table class=\"d\"><tr><th>排名</th><th>部门</th><th>工单数</th>"
                + "<th>响应率</th><th>解决率</th><th>满意率</th><th>综合得分</th><th>预警/升级/红牌</th>"
                + "<th>红牌/百件</th></tr>");
        for (DepartmentRow r : rows) {
            t.append("<tr><td class=\"n\">").append(r.ranked() ? r.place() : "不排名").append("</td><td>")
                    .append(e(r.departmentName())).append("</td><td class=\"n\">").append(r.cases())
                    .append("</td><td class=\"n\">").append(rate(r.responseRate(), r.onTime(), r.settled()))
                    .append("</td><td class=\"n\">").append(rate(r.solvedRate(), r.resolved(), r.answered()))
                    .append("</td><td class=\"n\">").append(rate(r.satisfactionRate(), r.satisfied(), r.rated()))
                    .append("</td><td class=\"n\">").append(number(r.score())).append("</td><td class=\"n\">")
                    .append(r.warnings()).append(" / ").append(r.escalations()).append(" / ").append(r.redCards())
                    .append("</td><td class=\"n\">").append(number(r.redCardsPer100())).append("</td></tr>");
        }
        return t.append("</table>").toString();
    }

    private static String list(String name, List<DepartmentRow> rows) {
        String members = rows.isEmpty() ? "（无）" : rows.stream()
                .map(r -> e(r.departmentName()) + "（" + number(r.score()) + "）").collect(Collectors.joining("、"));
        return "<tr><td>" + name + "</td><td>" + members + "</td></tr>";
    }

    private String state(DepartmentTable table) {
        if (table.frozen()) {
            return "已关账：" + table.closedBy() + " 于 " + time.format(table.closedAt())
                    + " 关账，本表为关账时冻结的结果，此后工单的变化不改变本表（重算须说明理由并留痕）。";
        }
        return "未关账（暂定）：按生成时的数据计算，关账前可能随工单变化而变动。";
    }

    private String district() {
        List<UnitView> districts = units.list(UnitLevel.DISTRICT, null);
        return districts.size() == 1 ? districts.get(0).name() : "";
    }

    /** Whose figures these are, as the caller's scope says. */
    private String scope(CaseScope scope) {
        if (scope.all()) {
            return "全区";
        }
        List<String> parts = new ArrayList<>();
        scope.streetCodes().stream().sorted().forEach(c -> parts.add(names.of(Dimension.STREET, c)));
        scope.communityCodes().stream().sorted().forEach(c -> parts.add(names.of(Dimension.COMMUNITY, c)));
        scope.gridCodes().stream().sorted().forEach(c -> parts.add(names.of(Dimension.GRID, c)));
        scope.departmentCodes().stream().sorted().forEach(c -> parts.add(names.department(c)));
        if (scope.openedBy() != null) {
            parts.add("本人受理的工单");
        }
        return parts.isEmpty() ? "无" : String.join("、", parts);
    }

    private static String value(Figure f) {
        if (f.value() == null) {
            return "—";
        }
        return switch (f.measure().kind()) {
            case COUNT -> String.valueOf(f.value().longValue());
            case RATE -> number(f.value()) + "%";
            default -> number(f.value());
        };
    }

    private static String rate(Double rate, int numerator, int denominator) {
        return rate == null ? "—（0）" : number(rate) + "%（" + numerator + "/" + denominator + "）";
    }

    static String number(Double value) {
        return value == null ? "—" : String.format("%.2f", value);
    }

    /** Only the five XML characters: a named HTML entity (&divide; for ÷) is not XML and the renderer refuses it. */
    private static String e(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
