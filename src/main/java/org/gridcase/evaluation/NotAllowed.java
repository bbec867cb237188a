package org.gridcase.evaluation;

/** The caller may read the evaluation but not do this (set its weights, close or recompute a month): 403. */
class NotAllowed extends RuntimeException {

    NotAllowed(String message) {
        super(message);
    }
}
