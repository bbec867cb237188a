package org.gridcase.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridcase.casework.LadderStage;
import org.gridcase.worktime.LimitText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A variable's value as an auditor reads it: coded values by what they mean (RESOLVED → 已办结), yes and no for
 * booleans, departments and units by name, limits in words (4 小时), instants in the district's time zone. The raw
 * value stays in the timeline's details and the JSON and CSV exports, for machines. Names come from the memo of the
 * replay, timeline or report the value is shown in: one replay shows the same codes at every step.
 */
@Component
class VariableValues {

    private static final Set<String> DEPARTMENTS = Set.of("departments", "leadDepartment", "department",
            "departmentOptions");
    private static final Set<String> UNITS = Set.of("streetCode", "communityCode", "gridCode");
    private static final Set<String> LIMITS = Set.of("responseLimit", "checkInLimit", "handlingLimit",
            "returnVisitLimit", "ratingLimit");

    private final ObjectMapper json;
    private final VariableLabels labels;
    private final DateTimeFormatter time;

    VariableValues(ObjectMapper json, VariableLabels labels,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.json = json;
        this.labels = labels;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** A decision table's input value, read as the variable the column reads. */
    String decisionInput(AuditNames.Memo names, String clauseName, Object value) {
        String name = labels.decisionInput(clauseName);
        return name == null ? String.valueOf(value) : text(names, name, value);
    }

    String label(String name) {
        return labels.label(name);
    }

    String text(AuditNames.Memo names, String name, Object value) {
        if (value == null) {
            return "（空）";
        }
        if (value instanceof Boolean yes) {
            return yes ? "是" : "否";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(item -> text(names, name, item)).collect(Collectors.joining("、"));
        }
        String text = value.toString();
        if (text.startsWith("[") && text.endsWith("]")) {
            return text(names, name, list(text));
        }
        String option = labels.option(name, text);
        if (option != null) {
            return option;
        }
        if (DEPARTMENTS.contains(name)) {
            return names.department(text);
        }
        if (UNITS.contains(name)) {
            return names.unit(text);
        }
        if (LIMITS.contains(name)) {
            return LimitText.of(text);
        }
        if ("handlingEscalationGroup".equals(name) || "leadershipGroup".equals(name)) {
            return names.group(text);
        }
        if ("escalateTo".equals(name)) {
            return text.contains("{streetCode}") ? "工单所在街道" : names.group(text);
        }
        if ("warningShare".equals(name) && value instanceof Number share) {
            return Math.round(share.doubleValue() * 100) + "% 时限时预警";
        }
        if ("redCardFactor".equals(name) && value instanceof Number factor) {
            return "超过时限 " + new java.math.BigDecimal(factor.toString()).stripTrailingZeros().toPlainString()
                    + " 倍时";
        }
        if ("ladderStage".equals(name)) {
            return ladderStage(text);
        }
        return instant(text);
    }

    /** A JSON list (as Camunda Forms' checklists write it) as its items; any other text as it is. */
    private Object list(String text) {
        try {
            return json.readValue(text, List.class);
        } catch (JsonProcessingException notAList) {
            return text.substring(1, text.length() - 1);
        }
    }

    /** Times (an instant, or a date with its offset, as the forms write it) in the district's zone. */
    String instant(String text) {
        if (text.length() < 16 || !Character.isDigit(text.charAt(0)) || text.charAt(10) != 'T') {
            return text;
        }
        try {
            return time.format(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notAnOffsetTime) {
            try {
                return time.format(Instant.parse(text));
            } catch (DateTimeParseException notATime) {
                return text;
            }
        }
    }

    String format(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    private static String ladderStage(String text) {
        return List.of(LadderStage.values()).stream().filter(stage -> stage.name().equals(text)).findFirst()
                .map(LadderStage::label).orElse(text);
    }
}
