package org.gridcase.audit;

import java.util.Base64;

import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A recorded value as the audit shows it (ReplayValues.display) with the engine's type name, so that a value read
 * back from the archive's JSON is the same Java value it was: JSON has one kind of number, the engine several
 * (a long 3 must not come back as an integer 3), and no bytes.
 */
final class RecordedValues {

    private RecordedValues() {
    }

    static String type(TypedValue value) {
        return value == null || value.getType() == null ? null : value.getType().getName();
    }

    static Object restore(String type, Object value) {
        if (type == null || value == null) {
            return value;
        }
        return switch (type) {
            case "long" -> value instanceof Number n ? (Object) n.longValue() : value;
            case "integer" -> value instanceof Number n ? (Object) n.intValue() : value;
            case "short" -> value instanceof Number n ? (Object) n.shortValue() : value;
            case "double" -> value instanceof Number n ? (Object) n.doubleValue() : value;
            case "bytes" -> value instanceof String text ? Base64.getDecoder().decode(text) : value;
            default -> value;
        };
    }
}
