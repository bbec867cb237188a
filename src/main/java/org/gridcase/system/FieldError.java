package org.gridcase.system;

/** One problem with one field of a request: the field's name as the client sent it, and what is wrong. */
public record FieldError(String field, String message) {
}
