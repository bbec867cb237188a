package org.gridcase.notification;

import com.fasterxml.jackson.core.JsonProcessingException;

final class Json {

    private Json() {
    }

    static String write(Object value) {
        try {
            return ChannelHttp.json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
