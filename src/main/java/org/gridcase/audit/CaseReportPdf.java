package org.gridcase.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.gridcase.casework.CaseDetails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The printable archive copy of a case: a one-page summary an auditor reads first (CaseReportSummary), the diagram
 * of the version it ran on with its path on a landscape page of its own, then the details and every step of the
 * timeline. XHTML rendered to PDF by openhtmltopdf, the diagram drawn by
 * Batik from the same SVG the replay page shows, in {@link CjkPdf}'s font.
 */
@Service
class CaseReportPdf {

    private static final String FONT_FAMILY = CjkPdf.FONT_FAMILY;

    private final CaseReplay replay;
    private final HistoryIntegrity integrity;
    private final CaseReportSummary summary;
    private final DateTimeFormatter time;

    CaseReportPdf(CaseReplay replay, HistoryIntegrity integrity, CaseReportSummary summary,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.replay = replay;
        this.integrity = integrity;
        this.summary = summary;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    byte[] render(String caseNumber) {
        CaseHistory recorded = replay.load(caseNumber);
        Replay replayed = replay.of(recorded);
        String html = html(recorded, replayed, replayed.steps(), integrity.check(caseNumber, recorded.main()),
                PrintedDiagram.pages(DiagramSvg.render(recorded.model(), replayed.taken(), List.of())));
        return CjkPdf.render("case report " + caseNumber, html,
                builder -> builder.useSVGDrawer(new BatikSVGDrawer()));
    }

    private String html(CaseHistory recorded, Replay replayed, List<TimelineEvent> events, IntegrityReport check,
            List<String> diagram) {
        CaseDetails c = recorded.record();
        StringBuilder html = new StringBuilder("""
                <html><head><meta charset="UTF-8"/><style>
                @page { size: A4; margin: 14mm 14mm 16mm 14mm; @bottom-right { content: counter(page) " / " counter(pages); font-family: %s; font-size: 8pt; } }
                @page landscape { size: A4 landscape; margin: 10mm; }
                body { font-family: %s; font-size: 9pt; color: #22242a; }
                h1 { font-size: 16pt; margin: 0 0 2pt 0; } h2 { font-size: 11pt; margin: 9pt 0 3pt 0; }
                p { margin: 2pt 0; } .lead { font-size: 10pt; color: #50545b; }
                table { width: 100%%; border-collapse: collapse; -fs-table-paginate: paginate; }
                th, td { border: 0.5pt solid #9aa0a6; padding: 2pt 4pt; vertical-align: top; text-align: left; }
                th { background: #eef0f2; } tr.event td { border-bottom: none; font-weight: bold; }
                .facts td:first-child { width: 22%%; background: #f7f8f9; }
                .summary { page-break-after: always; } .summary td, .summary th { font-size: 8.5pt; }
                .landscape { page: landscape; page-break-before: always; }
                .details { font-size: 7.5pt; word-wrap: break-word; } .muted { color: #6b6f76; }
                .ok { color: #1a7f37; } .broken { color: #b42318; }
                </style></head><body>
                """.formatted(FONT_FAMILY, FONT_FAMILY));
        html.append(summary.html(recorded, check));
        // the diagram on a page of its own, across the sheet, so that its labels can be read when printed
        for (int part = 0; part < diagram.size(); part++) {
            html.append("<div class=\"landscape\"><h2>流程图与实际路径（").append(e(replayed.processName()))
                    .append(" 第 ").append(replayed.version()).append(" 版，绿色为已走过的路径")
                    .append(diagram.size() == 1 ? "" : "；自左至右第 " + (part + 1) + " / " + diagram.size() + " 部分")
                    .append("）</h2>").append(diagram.get(part)).append("</div>");
        }
        html.append("<h2>工单详情</h2><table class=\"facts\">");
        row(html, "类别", c.categoryName());
        row(html, "当前状态", c.statusLabel());
        row(html, "诉求内容", c.description());
        row(html, "地址", c.address());
        row(html, "受理时间", format(c.receivedAt()));
        row(html, "办结时间", format(c.closedAt()));
        row(html, "流程版本", replayed.processDefinitionId() + "（第 " + replayed.version() + " 版）");
        row(html, "完整性检查", verdict(check));
        html.append("</table>");
        html.append("<h2>时间线（共 ").append(events.size()).append(" 步）</h2>");
        // one event in two rows: what happened on a line of its own, then what it says across the page
        html.append("<table><thead><tr><th style=\"width:6%\">步</th><th style=\"width:19%\">时间</th>"
                + "<th style=\"width:17%\">环节</th><th style=\"width:36%\">事件</th><th style=\"width:22%\">操作人</th>"
                + "</tr></thead><tbody>");
        for (int i = 0; i < events.size(); i++) {
            TimelineEvent event = events.get(i);
            html.append("<tr class=\"event\"><td>").append(i).append("</td><td>").append(format(event.at()))
                    .append("</td><td>").append(e(event.activityName())).append("</td><td>").append(e(event.label()))
                    .append("</td><td>").append(e(event.actorName())).append("</td></tr>");
            if (event.text() != null && !event.text().isEmpty()) {
                html.append("<tr><td></td><td colspan=\"4\" class=\"details\">").append(e(event.text()))
                        .append("</td></tr>");
            }
        }
        return html.append("</tbody></table></body></html>").toString();
    }

    /** The integrity check's verdict in one line. */
    static String verdict(IntegrityReport check) {
        return check.intact() ? "通过：" + check.stepsChecked() + " 个步骤均符合流程定义"
                : "发现问题：" + check.findings().stream().map(IntegrityReport.Finding::message)
                        .collect(Collectors.joining("；"));
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td>").append(e(label)).append("</td><td>").append(e(value)).append("</td></tr>");
    }

    private String format(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
