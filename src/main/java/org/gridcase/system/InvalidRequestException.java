package org.gridcase.system;

import java.util.List;

/**
 * A request that is well-formed but breaks a rule only the application can check (a parent of the wrong level,
 * a boundary that is not a valid polygon). Answered with 400 and the field that is wrong.
 */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidRequestException(String field, String message) {
        super(field + ": " + message);
        this.errors = List.of(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
