package org.gridcase.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.json.SpinJsonNode;
import org.gridcase.system.InvalidRequestException;

/**
 * What the Tasklist's Camunda Forms send, read the same way whether it came as the form's JSON (a checklist, a
 * dynamic list) or as plain values from an API client or a test.
 */
final class FormValues {

    /** A date without a time (a deadline picked as a day) ends at the end of that office day. */
    static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

    private FormValues() {
    }

    static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }

    static String required(Object value, String field, String label) {
        String text = text(value);
        if (text.isEmpty()) {
            throw new InvalidRequestException(field, "请填写" + label);
        }
        return text;
    }

    static String limited(String text, int max, String field, String label) {
        if (text.length() > max) {
            throw new InvalidRequestException(field, label + "不能超过 " + max + " 字");
        }
        return text;
    }

    /** A checklist's values: a JSON array, a list, or comma-separated text. */
    static List<String> codes(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(element -> codes.add(element.stringValue()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> codes.add(String.valueOf(element)));
        } else if (value != null) {
            codes.addAll(List.of(value.toString().split(",")));
        }
        return codes.stream().map(String::strip).filter(code -> !code.isEmpty()).distinct().toList();
    }

    /** A dynamic list's rows, each a map of its fields' text. */
    static List<Map<String, String>> rows(Object value) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (value instanceof SpinJsonNode json && json.isArray()) {
            for (SpinJsonNode element : json.elements()) {
                Map<String, String> row = new LinkedHashMap<>();
                if (element.isObject()) {
                    element.fieldNames().forEach(name -> {
                        SpinJsonNode field = element.prop(name);
                        row.put(name, field.isNull() ? "" : field.isString() ? field.stringValue() : field.toString());
                    });
                }
                rows.add(row);
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                Map<String, String> row = new LinkedHashMap<>();
                if (element instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> row.put(String.valueOf(k), v == null ? "" : v.toString()));
                }
                rows.add(row);
            }
        } else if (value != null) {
            throw new IllegalArgumentException("not a list");
        }
        return rows;
    }

    /**
     * A date and time as the form's datetime field sends it (with or without an offset), or a date alone (the end
     * of that office day), in the district's zone.
     */
    static Instant instant(String text, ZoneId zone, String field, String label) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atTime(END_OF_DAY).atZone(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new InvalidRequestException(field, label + "不是有效的日期：" + text);
                }
            }
        }
    }
}
