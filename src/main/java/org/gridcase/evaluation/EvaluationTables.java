package org.gridcase.evaluation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.gridcase.evaluation.EvaluationViews.Breakdown;
import org.gridcase.evaluation.EvaluationViews.CasesBehind;
import org.gridcase.evaluation.EvaluationViews.Overview;
import org.gridcase.evaluation.EvaluationViews.PeriodView;
import org.gridcase.evaluation.ExportTable.Column;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The evaluation's answers as export tables, column for column what the JSON holds: every figure with its
 * numerator and denominator beside it (a count has only its value, the 90th percentile only its sample), names
 * rather than codes, times in the district's zone.
 */
@Component
class EvaluationTables {

    private final ZoneId zone;

    EvaluationTables(@Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
    }

    /** The period's figures in the first row, then one row per sub-period of its trend. */
    ExportTable overview(Overview overview) {
        List<Column> columns = new ArrayList<>(List.of(Column.text("期间")));
        for (Measure m : Measure.values()) {
            columns.addAll(figureColumns(m));
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(figureRow("合计 " + span(overview.period()), overview.figures()));
        for (EvaluationViews.TrendPoint point : overview.trend()) {
            rows.add(figureRow(point.from() + " 起", point.figures()));
        }
        return new ExportTable("考核总览_" + span(overview.period()), columns, rows);
    }

    ExportTable breakdown(Breakdown breakdown) {
        List<Column> columns = new ArrayList<>(List.of(Column.text(breakdown.dimensionLabel() + "代码"),
                Column.text(breakdown.dimensionLabel())));
        for (Measure m : Measure.values()) {
            columns.addAll(figureColumns(m));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (EvaluationViews.Row row : breakdown.rows()) {
            List<Object> cells = cells(row.key());
            cells.addAll(figureRow(row.name(), row.figures()));
            rows.add(cells);
        }
        return new ExportTable("考核分项_按" + breakdown.dimensionLabel() + "_" + span(breakdown.period()), columns,
                rows);
    }

    ExportTable departments(DepartmentTable table) {
        List<Column> columns = List.of(Column.text("角色"), Column.text("部门代码"), Column.text("部门"),
                Column.count("排名"), Column.number("综合得分"), Column.count("工单数"), Column.count("召集次数"),
                Column.percent("响应率（%）"), Column.count("响应率·分子（按时报到）"),
                Column.count("响应率·分母（已有结果的召集）"),
                Column.percent("解决率（%）"), Column.count("解决率·分子（解决）"), Column.count("解决率·分母（回访有答复）"),
                Column.count("部分解决"),
                Column.percent("满意率（%）"), Column.count("满意率·分子（满意及基本满意）"),
                Column.count("满意率·分母（有评价）"), Column.count("未评价"),
                Column.count("预警次数"), Column.number("预警（每百件）"), Column.count("升级次数"),
                Column.number("升级（每百件）"), Column.count("红牌次数"), Column.number("红牌（每百件）"),
                Column.text("说明"));
        List<List<Object>> rows = new ArrayList<>();
        List<DepartmentRow> all = new ArrayList<>(table.lead());
        all.addAll(table.assisting());
        for (DepartmentRow r : all) {
            rows.add(cells(r.lead() ? "主办" : "协办", r.departmentCode(), r.departmentName(), r.place(), r.score(),
                    r.cases(), r.summons(), r.responseRate(), r.onTime(), r.settled(), r.solvedRate(), r.resolved(),
                    r.answered(), r.partially(), r.satisfactionRate(), r.satisfied(), r.rated(), r.unrated(),
                    r.warnings(), r.warningsPer100(), r.escalations(), r.escalationsPer100(), r.redCards(),
                    r.redCardsPer100(), r.ranked() ? "" : "工单数不足 " + table.settings().minimumCases()
                            + " 件或无可评分指标，不参与排名"));
        }
        return new ExportTable("部门协调响应评价_" + table.month() + (table.frozen() ? "_已关账" : "_未关账"), columns,
                rows);
    }

    ExportTable cases(CasesBehind behind) {
        List<Column> columns = List.of(Column.text("工单编号"), Column.text("类别"), Column.text("状态"),
                Column.text("地址"), Column.time("受理时间"), Column.time("办结时间"), Column.text("主办部门"));
        List<List<Object>> rows = new ArrayList<>();
        for (EvaluationViews.CaseRow c : behind.cases()) {
            rows.add(cells(c.caseNumber(), c.categoryName(), c.statusLabel(), c.address(), local(c.receivedAt()),
                    local(c.closedAt()), c.leadDepartment()));
        }
        String part = "denominator".equals(behind.part()) ? "分母" : "分子";
        String page = behind.total() > behind.size() ? "_第" + (behind.page() + 1) + "页" : "";
        return new ExportTable(behind.label() + "_" + part + "工单_" + span(behind.period()) + page, columns, rows);
    }

    /** The ranked units, each with its samples, then its count received per month of the trend. */
    ExportTable hotspots(HotspotViews.HotspotList list) {
        List<Column> columns = new ArrayList<>(List.of(Column.count("名次"), Column.text(list.levelLabel() + "代码"),
                Column.text(list.levelLabel()), Column.text("所属"), Column.count("受理量"), Column.count("重复诉求"),
                Column.percent("重复诉求率（%）"), Column.count("未解决（含部分解决）"), Column.count("回访有答复"),
                Column.percent("未解决占比（%）"), Column.count("超期在办")));
        list.trendMonths().forEach(month -> columns.add(Column.count(month.substring(0, 7) + " 受理")));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < list.rows().size(); i++) {
            HotspotViews.Hotspot h = list.rows().get(i);
            List<Object> cells = cells(i + 1, h.key(), h.name(), h.parentName(), h.received(), h.repeats(),
                    h.repeatRate(), h.unresolved(), h.answered(), h.unresolvedShare(), h.overdueOpen());
            for (int m = 0; m < list.trendMonths().size(); m++) {
                cells.add(m < h.trend().size() ? h.trend().get(m) : null);
            }
            rows.add(cells);
        }
        return new ExportTable("热点_按" + list.levelLabel() + "_" + span(list.period()), columns, rows);
    }

    /** A figure's columns: its value, then what it is counted from. */
    static List<Column> figureColumns(Measure m) {
        String value = m.label() + "（" + m.unit() + "）";
        return switch (m.kind()) {
            case COUNT -> List.of(Column.count(value));
            case RATE, NOT_YET -> List.of(Column.percent(value), Column.count(m.label() + "·分子"),
                    Column.count(m.label() + "·分母"));
            case PER_100 -> List.of(Column.number(value), Column.count(m.label() + "·次数"),
                    Column.count(m.label() + "·工单数"));
            case MINUTES_AVERAGE -> List.of(Column.number(value), Column.count(m.label() + "·合计分钟"),
                    Column.count(m.label() + "·已报到"));
            case MINUTES_P90 -> List.of(Column.number(value), Column.count(m.label() + "·已报到"));
        };
    }

    /** A first cell, then every measure's cells in the order of {@link Measure}. */
    static List<Object> figureRow(String first, List<Figure> figures) {
        List<Object> cells = cells(first);
        for (Measure m : Measure.values()) {
            cells.addAll(figureCells(figures.stream().filter(f -> f.measure() == m).findFirst()
                    .orElse(Figure.of(m, 0, 0, null))));
        }
        return cells;
    }

    static List<Object> figureCells(Figure f) {
        return switch (f.measure().kind()) {
            case COUNT -> cells(f.value() == null ? null : f.value().longValue());
            case RATE, NOT_YET, PER_100, MINUTES_AVERAGE -> cells(f.value(), f.numerator(), f.denominator());
            case MINUTES_P90 -> cells(f.value(), f.denominator());
        };
    }

    private LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }

    private static String span(PeriodView period) {
        return period.from().equals(period.to()) ? period.from() : period.from() + "至" + period.to();
    }

    /** A row; a list that allows nulls (an empty cell). */
    private static List<Object> cells(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }
}
