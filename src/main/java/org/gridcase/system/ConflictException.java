package org.gridcase.system;

/** The request would break uniqueness or another record's state (a code that is taken). Answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
