package org.gridcase.system;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.type.TypeFactory;
import org.camunda.spin.impl.json.jackson.format.AbstractJacksonJsonTypeDetector;

/**
 * Stores a list of any implementation as a plain JSON list that reads back as an {@link ArrayList}. Without it,
 * Spin records the list's concrete class as the variable's type: a FEEL list from a DMN result is a Scala wrapper
 * that Jackson cannot rebuild, so the {@code departments} variable could be written but never read.
 */
public class PlainListTypeDetector extends AbstractJacksonJsonTypeDetector {

    @Override
    public boolean canHandle(Object value) {
        return value instanceof List<?> && !(value instanceof ArrayList<?>);
    }

    @Override
    public String detectType(Object value) {
        return TypeFactory.defaultInstance().constructCollectionType(ArrayList.class, Object.class).toCanonical();
    }
}
