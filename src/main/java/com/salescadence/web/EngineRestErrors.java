package com.salescadence.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.UriInfo;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import com.salescadence.common.ConflictException;
import com.salescadence.common.ValidationException;

// Over 250 lines (issue 14 item 6): one mapping of the engine REST API's errors, each case next to the ones it must not shadow.
/**
 * The engine's REST API (/engine-rest) answers a refusal of the product as 400 with its message, not 500. Camunda's
 * task resource turns every ProcessEngineException of a completion (POST /task/{id}/complete, /submit-form) into a
 * 500, and the engine wraps what a task listener throws into one; so the product's refusals (the process glue's
 * BadUserRequestException around a ValidationException, ProtectedVariableGuard's refusal) came out as 500. These
 * mappers look at the cause: a refusal of the product or the engine (BadUserRequestException, ValidationException)
 * is 400, a task that is gone (completed already) 404, a change that lost a race 409; anything else keeps Camunda's
 * answer. Registered ahead of Camunda's own mappers for the same types (JAX-RS priority). A body cut off by
 * RequestSizeLimitFilter while it was read answers 413.
 *
 * <p>A task completed already (a double click, a retry, 20 completions at once) answers 409 with a message, on
 * /engine-rest and on the Tasklist's own engine API (/camunda/api/engine/...), which is another JAX-RS application:
 * {@link Everywhere} adds the mappers to every Jersey application of the server (META-INF/services).
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(RestExceptions.class);
        config.register(EngineExceptions.class);
        config.register(OtherExceptions.class);
        config.register(TooLargeBodies.class);
        config.register(UnreadableJson.class);
        config.register(UnmappableJson.class);
    }

    /** The answer a cause chain deserves (its first refusal's status and own message), or Camunda's. */
    static Response answer(RuntimeException error, Throwable causes, UriInfo uri) {
        for (Throwable cause = causes; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            Status status = cause instanceof com.salescadence.common.AlreadyRecordedException ? Status.CONFLICT
                    : cause instanceof BadUserRequestException && cause.getCause() instanceof com.salescadence.common.AlreadyRecordedException
                            ? null // its cause, next, answers 409
                    : cause instanceof BadUserRequestException || cause instanceof ValidationException ? Status.BAD_REQUEST
                    : cause instanceof NotFoundException || isMissing(cause) ? Status.NOT_FOUND
                    : cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
                            || cause instanceof DuplicateKeyException || cause instanceof TransientDataAccessException
                            || cause instanceof ConflictException || isUniqueViolation(cause) ? Status.CONFLICT : null;
            if (status == null && isBadValue(cause)) {
                return respond(Status.BAD_REQUEST, error, BAD_VALUE);
            }
            if (status == null && isRefusedVariable(cause)) {
                return respond(Status.BAD_REQUEST, error, REFUSED_VARIABLE + " (" + cause.getMessage() + ")");
            }
            if (status != null) {
                // refused or not found because another request completed the task meanwhile: a lost race, 409
                return status == Status.CONFLICT ? respond(status, error,
                        cause instanceof ConflictException || cause instanceof ValidationException ? cause.getMessage() : LOST_RACE)
                        : missing(status, error, cause.getMessage(), uri);
            }
        }
        Response camunda = ExceptionHandlerHelper.getInstance().getResponse(error);
        // a 404, or an engine failure (it tripped over the instance the winner just ended), of a task completed meanwhile: 409
        return camunda.getStatus() == Status.NOT_FOUND.getStatusCode() || camunda.getStatus() >= 500
                ? missing(Status.fromStatusCode(camunda.getStatus()), error, error.getMessage(), uri) : camunda;
    }

    /** The status, or 409 when the task of the request was there and has been completed (a second click, a retry). */
    private static Response missing(Status status, RuntimeException error, String message, UriInfo uri) {
        String completed = completedTask(uri);
        if (completed == null && status.getStatusCode() >= 500) {
            return ExceptionHandlerHelper.getInstance().getResponse(error);
        }
        return completed == null ? respond(status, error, message) : respond(Status.CONFLICT, error,
                "任务 " + completed + " 已经完成（可能是重复点击或重试），这次提交没有保存任何内容。 / Task " + completed
                        + " was completed already (a second click or a retry); nothing of this request was saved.");
    }

    private static Response respond(Status status, Exception error, String message) {
        return ExceptionHandlerHelper.getInstance().getResponse(new RestException(status, error, message));
    }

    static final String BAD_VALUE = "有一个值无法保存：太长、超出范围或含有 NUL 字符。什么都没有保存。 / "
            + "A value cannot be stored: it is too long, out of range or holds a NUL character. Nothing was saved.";

    /** The database refused a value (SQL state class 22, data exception: too long, out of range, a NUL byte). */
    static boolean isBadValue(Throwable cause) {
        return cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22");
    }

    /**
     * The database refused a second row where one is allowed (SQL state 23505 on PostgreSQL and H2), raw inside an
     * engine exception: the same write made twice at once, the other one won.
     */
    static boolean isUniqueViolation(Throwable cause) {
        return cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState());
    }

    static final String LOST_RACE = "别人同时修改了这里并且先完成了，您的请求没有保存任何内容。请刷新后重试。 / "
            + "Someone else changed this at the same time and was first; nothing of your request was saved. Reload and try again.";

    /** The id of the task of this request (…/task/{id}/…) when that task existed and has ended; else null. */
    static String completedTask(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        java.util.List<jakarta.ws.rs.core.PathSegment> segments = uri.getPathSegments();
        for (int i = 0; i + 1 < segments.size(); i++) {
            if ("task".equals(segments.get(i).getPath())) {
                String taskId = segments.get(i + 1).getPath();
                ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
                if (engine == null) {
                    return null;
                }
                // the history is read as the system: the caller may lack READ_HISTORY, and learns only that the task ended
                org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
                org.camunda.bpm.engine.impl.identity.Authentication caller = identity.getCurrentAuthentication();
                identity.clearAuthentication();
                try {
                    return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0
                            ? taskId : null;
                } finally {
                    if (caller != null) {
                        identity.setAuthentication(caller);
                    }
                }
            }
        }
        return null;
    }

    /**
     * The engine's "Cannot find task with id ..." of a task completed (or deleted) meanwhile, and its "task ... doesn't
     * exist" / "execution ... doesn't exist" of an id that names nothing (a variable set on it, removed from it).
     */
    private static boolean isMissing(Throwable cause) {
        return cause instanceof NullValueException && cause.getMessage() != null
                && (cause.getMessage().startsWith("Cannot find ") || cause.getMessage().contains(" doesn't exist"));
    }

    static final String REFUSED_VARIABLE = "变量的类型或格式不被接受（例如 Java 序列化的对象，或本服务器不支持的 XML 类型）。什么都没有保存。 / "
            + "A variable's type or format is not accepted (such as a Java-serialized object, or an XML value this server does "
            + "not support). Nothing was saved.";

    /**
     * A variable the engine refuses to store because of its type: a Java-serialized object (ENGINE-17007, prohibited)
     * or a type without a serializer here (Xml without Spin's XML format). The caller's input, not a server fault.
     */
    static boolean isRefusedVariable(Throwable cause) {
        String message = cause instanceof ProcessEngineException ? cause.getMessage() : null;
        return message != null && (message.contains("ENGINE-17007") || message.startsWith("Cannot find serializer for value"));
    }

    static final String UNREADABLE = "请求内容无法读取：它不是 JSON，或某个值的类型或格式不对。什么都没有保存。 / "
            + "The request body could not be read: it is no JSON, or a value has the wrong type or shape. Nothing was saved.";

    /** A body that is no JSON: 400 with a message (Camunda's own mapper answers 400 with an empty one). */
    @Priority(1)
    public static class UnreadableJson implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.core.JsonParseException error) {
            return respond(Status.BAD_REQUEST, error, UNREADABLE + " (" + firstLine(error.getOriginalMessage()) + ")");
        }
    }

    /** JSON of the wrong shape (a list where a variable belongs): 400 with a message, not Camunda's empty one. */
    @Priority(1)
    public static class UnmappableJson implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException error) {
            return respond(Status.BAD_REQUEST, error, UNREADABLE + " (" + firstLine(error.getOriginalMessage()) + ")");
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    @Priority(1)
    public static class RestExceptions implements ExceptionMapper<RestException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(RestException error) {
            return error.getStatus() == Status.INTERNAL_SERVER_ERROR || error.getStatus() == Status.NOT_FOUND
                    ? answer(error, error.getCause(), uri)
                    : ExceptionHandlerHelper.getInstance().getResponse(error);
        }
    }

    /**
     * What the product's code throws inside a completion without the engine wrapping it (a lost race of the process
     * glue, Spring's OptimisticLockingFailureException; a ValidationException): its status, not Camunda's 500.
     */
    @Priority(1)
    public static class OtherExceptions implements ExceptionMapper<RuntimeException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(RuntimeException error) {
            if (error instanceof jakarta.ws.rs.WebApplicationException web) {
                return web.getResponse();
            }
            return answer(error, error, uri);
        }
    }

    /** Adds the mappers to each Jersey application (/engine-rest and the web apps' engine API). */
    public static class Everywhere implements ForcedAutoDiscoverable {
        @Override
        public void configure(FeatureContext context) {
            for (Class<?> mapper : new Class<?>[] {RestExceptions.class, EngineExceptions.class, OtherExceptions.class,
                    UnreadableJson.class, UnmappableJson.class}) {
                if (!context.getConfiguration().isRegistered(mapper)) {
                    context.register(mapper);
                }
            }
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
        @Context UriInfo uri;

        @Override
        public Response toResponse(ProcessEngineException error) {
            Status status = ExceptionHandlerHelper.getInstance().getStatus(error);
            if (error instanceof org.camunda.bpm.engine.AuthorizationException && completedTask(uri) != null) {
                // the task's grants went with it when another request completed it a moment before: a lost race, 409
                return missing(Status.FORBIDDEN, error, error.getMessage(), uri);
            }
            return status == Status.INTERNAL_SERVER_ERROR || status == Status.NOT_FOUND
                    ? answer(error, error, uri) : ExceptionHandlerHelper.getInstance().getResponse(error);
        }
    }
}
