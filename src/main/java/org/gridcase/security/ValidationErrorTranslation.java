package org.gridcase.security;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.gridcase.system.FieldError;
import org.gridcase.system.InvalidRequestException;

/**
 * A listener or delegate that refuses what a form submitted (the whistle naming an unknown department, say)
 * throws gridcase's {@link InvalidRequestException}; the engine wraps it as "ENGINE-03051 There was an exception
 * while invoking the TaskListener", which Camunda's REST API answers with a 500. Turned back into the engine's own
 * form-validation failure, it is answered with a 400 that names the field in Chinese, and the Tasklist shows it to
 * the person who can correct it.
 */
class ValidationErrorTranslation extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            InvalidRequestException invalid = causeOf(e);
            if (invalid == null || e instanceof FormFieldValidationException) {
                throw e;
            }
            FieldError first = invalid.errors().get(0);
            throw new FormFieldValidationException(first.field(), first.field() + "：" + first.message(), invalid);
        }
    }

    private static InvalidRequestException causeOf(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof InvalidRequestException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
