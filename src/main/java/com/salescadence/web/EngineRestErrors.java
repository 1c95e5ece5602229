package com.salescadence.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import com.salescadence.common.ValidationException;

/**
 * The engine's REST API (/engine-rest) answers a refusal of the product as 400 with its message, not 500. Camunda's
 * task resource turns every ProcessEngineException of a completion (POST /task/{id}/complete, /submit-form) into a
 * 500, and the engine wraps what a task listener throws into one; so the product's refusals (the process glue's
 * BadUserRequestException around a ValidationException, ProtectedVariableGuard's refusal) came out as 500. These
 * mappers look at the cause: a refusal of the product or the engine (BadUserRequestException, ValidationException)
 * is 400, a task that is gone (completed already) 404, a change that lost a race 409; anything else keeps Camunda's
 * answer. Registered ahead of Camunda's own mappers for the same types (JAX-RS priority). A body cut off by
 * RequestSizeLimitFilter while it was read answers 413.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(RestExceptions.class);
        config.register(EngineExceptions.class);
        config.register(TooLargeBodies.class);
    }

    /** The answer a cause chain deserves (its first refusal's status and own message), or Camunda's. */
    static Response answer(RuntimeException error, Throwable causes) {
        for (Throwable cause = causes; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            Status status = cause instanceof BadUserRequestException || cause instanceof ValidationException ? Status.BAD_REQUEST
                    : cause instanceof NotFoundException || isMissing(cause) ? Status.NOT_FOUND
                    : cause instanceof OptimisticLockingException ? Status.CONFLICT : null;
            if (status != null) {
                String message = status == Status.CONFLICT
                        ? "Someone else changed this at the same time and was first; nothing of your request was saved. Reload and try again."
                        : cause.getMessage();
                return ExceptionHandlerHelper.getInstance().getResponse(new RestException(status, error, message));
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(error);
    }

    /** The engine's "Cannot find task with id ..." of a task completed (or deleted) meanwhile. */
    private static boolean isMissing(Throwable cause) {
        return cause instanceof NullValueException && cause.getMessage() != null && cause.getMessage().startsWith("Cannot find ");
    }

    @Priority(1)
    public static class RestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException error) {
            return error.getStatus() == Status.INTERNAL_SERVER_ERROR ? answer(error, error.getCause())
                    : ExceptionHandlerHelper.getInstance().getResponse(error);
        }
    }

    /** A body without Content-Length that grew past RequestSizeLimitFilter's limit while Jersey read it: 413. */
    public static class TooLargeBodies implements ExceptionMapper<RequestSizeLimitFilter.TooLarge> {
        @Override
        public Response toResponse(RequestSizeLimitFilter.TooLarge error) {
            return ExceptionHandlerHelper.getInstance().getResponse(
                    new RestException(Status.REQUEST_ENTITY_TOO_LARGE, error, error.getMessage()));
        }
    }

    @Priority(1)
    public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException error) {
            return ExceptionHandlerHelper.getInstance().getStatus(error) == Status.INTERNAL_SERVER_ERROR
                    ? answer(error, error) : ExceptionHandlerHelper.getInstance().getResponse(error);
        }
    }
}
