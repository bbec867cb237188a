package org.gridcase.workbench;

/** The caller may see the case but not do this to it (urge, supervise). Answered with 403 and this message. */
class Forbidden extends RuntimeException {

    Forbidden(String message) {
        super(message);
    }
}
