package org.gridcase.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What a process variable is called in Chinese, and what its coded values mean. A variable that is a form field
 * is labelled as the form labels it (forms/*.form, the same words the member of staff saw when they filled it in),
 * its options too (handlingOutcome RESOLVED is 已办结); the process's own variables, which no form shows, are
 * labelled by the table below. The explanation in brackets that a checkbox label carries for the person ticking it
 * ("已在现场办结（不勾选则提请街道吹哨）") is left out: the value says which way it went.
 */
@Component
class VariableLabels {

    /** Variables the process sets itself (GridReportVariables, ReportTriage.dmn, EscalationLadder.dmn). */
    private static final Map<String, String> PROCESS = Map.ofEntries(
            Map.entry("caseNumber", "工单编号"), Map.entry("categoryName", "类别名称"),
            Map.entry("urgencyLabel", "紧急程度名称"), Map.entry("channelLabel", "来源渠道名称"),
            Map.entry("gridName", "网格"), Map.entry("communityCode", "社区"), Map.entry("communityName", "社区名称"),
            Map.entry("streetCode", "街道"), Map.entry("streetName", "街道名称"), Map.entry("triage", "分拨结果"),
            Map.entry("track", "处置路径"), Map.entry("department", "部门"), Map.entry("departmentOptions", "可召集部门"),
            Map.entry("responseLimit", "响应时限"), Map.entry("checkInLimit", "报到时限"),
            Map.entry("handlingLimit", "办理时限"), Map.entry("returnVisitLimit", "回访时限"),
            Map.entry("ratingLimit", "评价时限"), Map.entry("ratedBy", "评价人"),
            Map.entry("handlingDue", "办理期限"), Map.entry("handlingStart", "办理开始"),
            Map.entry("ladderStage", "预警阶段"), Map.entry("onTheSpotStart", "即接即办开始"),
            Map.entry("onTheSpotWarnAt", "即接即办预警时间"), Map.entry("checkInStart", "报到开始"),
            Map.entry("checkInWarnAt", "报到预警时间"), Map.entry("checkInRedCardAt", "报到红牌时间"),
            Map.entry("handlingWarnAt", "办理预警时间"), Map.entry("handlingRedCardAt", "办理红牌时间"),
            Map.entry("handlingEscalationGroup", "办理超时上报"), Map.entry("reopenCount", "重办次数"),
            Map.entry("caseStatus", "工单状态"), Map.entry("initiator", "发起人"),
            Map.entry("categoryGroup", "类别大类"), Map.entry("escalateTo", "超时上报"),
            Map.entry("leadershipGroup", "红牌通报"), Map.entry("redCardFactor", "红牌倍数"),
            Map.entry("warningShare", "预警比例"));

    /** The decision tables' input columns, by the variable each reads (their labels differ from the forms'). */
    private static final Map<String, String> DECISION_INPUTS = Map.of("类别", "category", "类别大类", "categoryGroup",
            "紧急程度", "urgency", "环节", "ladderStage");

    /** Coded values of the process's own variables (the track's names are the BPMN's sequence-flow labels). */
    private static final Map<String, Map<String, String>> PROCESS_VALUES = Map.of(
            "track", Map.of("ON_THE_SPOT", "即接即办", "WHISTLE", "街道吹哨", "EMERGENCY", "应急"));

    private final Map<String, String> labels = new HashMap<>(PROCESS);
    private final Map<String, Map<String, String>> values = new HashMap<>(PROCESS_VALUES);

    VariableLabels(ObjectMapper json) {
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    read(json.readTree(in).path("components"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The forms cannot be read for their labels", e);
        }
        // a category's group (TRAFFIC) is named as the first part of its categories' labels (道路交通/…)
        Map<String, String> groups = new HashMap<>();
        values.getOrDefault("category", Map.of()).forEach((code, label) -> {
            if (code.contains(".") && label.contains("/")) {
                groups.putIfAbsent(code.substring(0, code.indexOf('.')), label.substring(0, label.indexOf('/')));
            }
        });
        values.put("categoryGroup", groups);
    }

    private void read(JsonNode components) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            String label = component.path("label").asText(component.path("dateLabel").asText(null));
            if (key != null && label != null && !label.isBlank()) {
                labels.putIfAbsent(key, withoutExplanation(label));
            }
            if (key != null && component.path("values").isArray()) {
                Map<String, String> options = values.computeIfAbsent(key, k -> new HashMap<>());
                component.path("values").forEach(option -> options.putIfAbsent(option.path("value").asText(),
                        option.path("label").asText()));
            }
            read(component.path("components"));
        }
    }

    private static String withoutExplanation(String label) {
        int bracket = label.indexOf('（');
        return bracket > 0 && label.endsWith("）") ? label.substring(0, bracket) : label;
    }

    /** The variable a decision table's input column reads, or null. */
    String decisionInput(String clauseName) {
        return DECISION_INPUTS.get(clauseName);
    }

    /** The variable's Chinese label, or its name when nobody has given it one. */
    String label(String name) {
        return labels.getOrDefault(name, name);
    }

    /** What a coded value of this variable means, or null when it has no such meaning. */
    String option(String name, String value) {
        return values.getOrDefault(name, Map.of()).get(value);
    }
}
