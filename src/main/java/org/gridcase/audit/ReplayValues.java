package org.gridcase.audit;

import java.util.Date;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** How a variable's value is shown to auditors, whether it comes from history or from a running case. */
public final class ReplayValues {

    private ReplayValues() {
    }

    /** Serialized objects and JSON as their text, dates as instants, everything else as it is. */
    public static Object display(TypedValue value) {
        if (value instanceof SerializableValue serializable) {
            String serialized = serializable.getValueSerialized();
            return serialized != null || !serializable.isDeserialized() ? serialized : String.valueOf(value.getValue());
        }
        if (value == null || value.getValue() == null) {
            return null;
        }
        if (value.getValue() instanceof Date date) {
            return date.toInstant().toString();
        }
        return value.getValue();
    }
}
