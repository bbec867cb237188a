package org.gridcase.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gridcase.casework.CaseDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The report's first page, what an auditor reads first: who reported what (channel, category, place, time), each
 * stage with who did it, when, against which limit and whether late, the escalations, the outcome and the
 * integrity verdict. It must fit one A4 page, so long lists are cut with a count of what the detail pages hold.
 */
@Component
class CaseReportSummary {

    private static final int MAX_STAGES = 14;
    private static final int MAX_ESCALATIONS = 6;
    private static final int MAX_DESCRIPTION = 120;

    /** Which limit (a variable set by ReportTriage.dmn) a user task runs against. */
    private static final Map<String, String> LIMITS = Map.of("Task_HandleOnTheSpot", "responseLimit",
            "Task_CheckIn", "checkInLimit", "Task_HandleOnSite", "handlingLimit", "Task_ReturnVisit", "returnVisitLimit");

    private final AuditNames names;
    private final VariableValues values;

    CaseReportSummary(AuditNames names, VariableValues values) {
        this.names = names;
        this.values = values;
    }

    String html(CaseHistory recorded, IntegrityReport check) {
        CaseDetails c = recorded.record();
        EventMaker make = new EventMaker(names.memo(), recorded.model());
        Map<String, Object> variables = recorded.variables(Instant.now());
        StringBuilder html = new StringBuilder("<div class=\"summary\">");
        html.append("<h1>工单审计报告 ").append(e(c.caseNumber())).append("</h1>");
        html.append("<p class=\"lead\">").append(e(c.categoryName())).append(" · ").append(e(c.statusLabel()))
                .append(" · 受理于 ").append(e(values.format(c.receivedAt()))).append("</p>");

        html.append("<h2>诉求</h2><table class=\"facts\">");
        row(html, "来源渠道", c.channel().label() + (c.openedBy() == null ? "" : "，由 " + make.user(c.openedBy())
                + " 登记"));
        row(html, "诉求人", Stream.of(c.reporterName(), c.reporterPhone()).filter(Objects::nonNull)
                .collect(Collectors.joining(" ")));
        row(html, "类别", c.categoryName() + "，" + c.urgency().label());
        row(html, "地点", Stream.of(c.address(), place(c, make.names())).filter(Objects::nonNull)
                .collect(Collectors.joining("，")));
        row(html, "受理时间", values.format(c.receivedAt()));
        row(html, "诉求内容", shortened(c.description()));
        html.append("</table>");

        List<CaseRecords.Task> tasks = recorded.tasks().stream()
                .sorted(Comparator.comparing(CaseRecords.Task::startTime)).toList();
        html.append("<h2>各环节</h2><table class=\"stages\"><thead><tr><th>环节</th><th>办理人</th><th>开始</th>"
                + "<th>完成</th><th>时限</th><th>是否超时</th></tr></thead><tbody>");
        tasks.stream().limit(MAX_STAGES).forEach(task -> stage(html, task, recorded, make, variables));
        html.append("</tbody></table>");
        more(html, tasks.size() - MAX_STAGES, "个环节");

        html.append("<h2>超时与升级督办</h2>");
        List<String> late = c.departments().stream().filter(CaseDetails.Department::late)
                .map(d -> make.names().department(d.departmentCode()) + " 迟报到（期限 "
                        + values.format(d.checkInDue())
                        + "，报到 " + (d.checkedInAt() == null ? "未报到" : values.format(d.checkedInAt())) + "）")
                .toList();
        html.append("<p>").append(late.isEmpty() ? "无迟报到。" : e(String.join("；", late) + "。")).append("</p>");
        if (c.escalations().isEmpty()) {
            html.append("<p>无预警、升级或红牌。</p>");
        } else {
            html.append("<table class=\"stages\"><tbody>");
            c.escalations().stream().limit(MAX_ESCALATIONS).forEach(x -> html.append("<tr><td>")
                    .append(e(values.format(x.occurredAt()))).append("</td><td>").append(e(x.stage().label() + x.label()))
                    .append("</td><td>").append(e(make.names().department(x.departmentCode()))).append("</td></tr>"));
            html.append("</tbody></table>");
            more(html, c.escalations().size() - MAX_ESCALATIONS, "次预警或升级");
        }

        html.append("<h2>结果</h2><table class=\"facts\">");
        row(html, "当前状态", c.statusLabel() + (c.closedAt() == null ? "" : "，办结于 " + values.format(c.closedAt())));
        row(html, "处置结果", Stream.of(shown(make, "handlingOutcome", c.handlingOutcome()), c.handlingResult())
                .filter(Objects::nonNull).collect(Collectors.joining("：")));
        row(html, "回访", Stream.of(shown(make, "resolution", c.resolution()),
                        shown(make, "satisfaction", c.satisfaction()))
                .filter(Objects::nonNull).collect(Collectors.joining("，")));
        row(html, "重办 / 退单 / 延期", c.reopenCount() + " 次 / " + c.returnCount() + " 次 / " + c.extensionCount()
                + " 次");
        row(html, "完整性检查", CaseReportPdf.verdict(check));
        return html.append("</table></div>").toString();
    }

    private void stage(StringBuilder html, CaseRecords.Task task, CaseHistory recorded, EventMaker make,
            Map<String, Object> variables) {
        String groups = recorded.taskLinks(task.id()).stream()
                .filter(link -> "candidate".equals(link.type()) && "add".equals(link.operationType())
                        && link.groupId() != null)
                .map(CaseRecords.Link::groupId).distinct().map(make::group).collect(Collectors.joining("、"));
        String limit = LIMITS.containsKey(task.taskDefinitionKey())
                ? values.text(make.names(), LIMITS.get(task.taskDefinitionKey()),
                        variables.get(LIMITS.get(task.taskDefinitionKey())))
                : "";
        Instant due = task.dueDate();
        Instant end = task.endTime();
        String deadline = due == null ? limit : (limit.isEmpty() ? "" : limit + "，") + "至 " + values.format(due);
        html.append("<tr><td>").append(e(make.step(task.taskDefinitionKey())))
                .append(groups.isEmpty() ? "" : "<br/><span class=\"muted\">" + e(groups) + "</span>")
                .append("</td><td>").append(e(task.assignee() == null ? "—" : make.user(task.assignee())))
                .append("</td><td>").append(e(values.format(task.startTime())))
                .append("</td><td>").append(e(end == null ? "未完成"
                        : "deleted".equals(task.deleteReason()) ? "取消 " + values.format(end) : values.format(end)))
                .append("</td><td>").append(e(deadline)).append("</td>").append(lateness(due, end)).append("</tr>");
    }

    private static String lateness(Instant due, Instant end) {
        if (due == null) {
            return "<td>—</td>";
        }
        Instant done = end == null ? Instant.now() : end;
        if (!done.isAfter(due)) {
            return "<td>按时</td>";
        }
        return "<td class=\"broken\">" + (end == null ? "已超时 " : "超时 ") + e(length(Duration.between(due, done)))
                + "</td>";
    }

    private static String length(Duration late) {
        long days = late.toDays();
        return days > 0 ? days + " 天 " + late.toHoursPart() + " 小时"
                : late.toHours() > 0 ? late.toHours() + " 小时 " + late.toMinutesPart() + " 分钟"
                : Math.max(1, late.toMinutes()) + " 分钟";
    }

    private static String place(CaseDetails c, AuditNames.Memo names) {
        return Stream.of(c.streetCode(), c.communityCode(), c.gridCode()).filter(Objects::nonNull)
                .map(names::unit).collect(Collectors.joining(" "));
    }

    private String shown(EventMaker make, String variable, String value) {
        return value == null ? null : values.text(make.names(), variable, value);
    }

    private static String shortened(String text) {
        return text == null || text.length() <= MAX_DESCRIPTION ? text
                : text.substring(0, MAX_DESCRIPTION) + "…（全文见详情）";
    }

    private static void more(StringBuilder html, int more, String what) {
        if (more > 0) {
            html.append("<p class=\"muted\">另有 ").append(more).append(' ').append(what).append("，见后附时间线。</p>");
        }
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td>").append(e(label)).append("</td><td>").append(e(value)).append("</td></tr>");
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
