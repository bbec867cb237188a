package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridcase.registry.Urgency;
import org.gridcase.system.InvalidRequestException;

/** Reads a report from the variables of the Tasklist start form (forms/ReportForm.form). */
final class StartFormReport {

    private StartFormReport() {
    }

    static NewCase from(DelegateExecution execution) {
        return new NewCase(
                text(execution, CATEGORY),
                enumValue(Urgency.class, URGENCY, text(execution, URGENCY)),
                text(execution, DESCRIPTION),
                text(execution, ADDRESS),
                number(execution, LAT),
                number(execution, LON),
                text(execution, GRID_CODE),
                text(execution, REPORTER_NAME),
                text(execution, REPORTER_PHONE),
                enumValue(Channel.class, CHANNEL, text(execution, CHANNEL)),
                lines(text(execution, PHOTO_LINKS)));
    }

    /** Form fields left empty arrive as null or as an empty string: both mean "not given". */
    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static Double number(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.valueOf(value.toString());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, "必须是数字：" + value);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, "取值不正确：" + value);
        }
    }

    private static List<String> lines(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split("\\R")).map(String::trim).filter(line -> !line.isEmpty()).toList();
    }
}
