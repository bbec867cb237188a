package org.gridcase.system;

/** The thing a request names does not exist. Answered with 404 and this message. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
