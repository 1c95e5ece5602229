package com.salescadence.web;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.salescadence.common.ApiError;
import com.salescadence.common.ConflictException;
import com.salescadence.common.NotFoundException;
import com.salescadence.common.RowValidationException;
import com.salescadence.common.ValidationException;

/** Every refusal of the API as JSON: {"error": "...", "problems": [...]}, with a 4xx status. */
@RestControllerAdvice(basePackages = "com.salescadence")
class ApiErrors {

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ApiError> validation(ValidationException e) {
        if (e instanceof RowValidationException grid) { // a grid's refusal also says which row each problem is at
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new ApiError(400, e.getMessage(), null,
                    e.problems(), grid.rows(), grid.general()));
        }
        // stored already (the second of two identical requests): a conflict, not bad input
        return body(e instanceof com.salescadence.common.AlreadyRecordedException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                e.getMessage(), e.problems());
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<ApiError> badUserRequest(BadUserRequestException e) {
        if (e.getCause() instanceof ValidationException v) {
            return validation(v);
        }
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(e.getMessage()));
    }

    /**
     * Two people changed the same thing at once (the same task completed twice, a roll-up submitted while
     * it was adjusted): the first change won, this one was rolled back entirely.
     */
    @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class, DuplicateKeyException.class,
            org.springframework.dao.TransientDataAccessException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        String message = "Someone else changed this at the same time and was first; nothing of your request was saved. "
                + "Reload and try again.";
        String detail = e instanceof org.springframework.dao.OptimisticLockingFailureException ? e.getMessage() : message;
        return body(HttpStatus.CONFLICT, message, List.of(detail));
    }

    /**
     * A refusal of the product or a lost race that reached the API inside an engine exception (a task listener or
     * delegate threw it): its own status and message, not 500. Anything else stays a server error.
     */
    @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
    ResponseEntity<ApiError> insideTheEngine(org.camunda.bpm.engine.ProcessEngineException e) throws Exception {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ValidationException v) {
                return validation(v);
            } else if (cause instanceof ConflictException c) {
                return clash(c);
            } else if (cause instanceof NotFoundException n) {
                return notFound(n);
            } else if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
                    || cause instanceof DuplicateKeyException || cause instanceof org.springframework.dao.TransientDataAccessException) {
                return conflict((RuntimeException) cause);
            } else if (EngineRestErrors.isUniqueViolation(cause)) {
                return conflict(e); // the same write twice at once, raw from inside the engine: the other one won
            } else if (cause instanceof org.springframework.dao.DataIntegrityViolationException d) {
                return unstorable(d);
            } else if (EngineRestErrors.isBadValue(cause)) {
                return unstorable(new org.springframework.dao.DataIntegrityViolationException(cause.getMessage(), cause));
            }
        }
        throw e;
    }

    /** The database refused a value (too long, out of range, a NUL byte): 400, nothing stored. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ApiError> unstorable(org.springframework.dao.DataIntegrityViolationException e) {
        String message = "有一个值无法保存：太长、超出范围、含有 NUL 字符或指向不存在的记录。什么都没有保存。 / "
                + "A value cannot be stored: it is too long, out of range, holds a NUL character or refers to nothing; nothing was saved.";
        return body(HttpStatus.BAD_REQUEST, message, List.of(message));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> clash(ConflictException e) {
        return body(HttpStatus.CONFLICT, e.getMessage(), List.of(e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler({AuthorizationException.class, AccessDeniedException.class})
    ResponseEntity<ApiError> forbidden(RuntimeException e) {
        return body(HttpStatus.FORBIDDEN, "您无权执行此操作。 / You are not allowed to do this.", List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.TooLarge tooLarge) {
                return body(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of(tooLarge.getMessage()));
            }
        }
        String detail = e.getMostSpecificCause().getMessage();
        String message = "The request body could not be read: a value has the wrong type or format.";
        return body(HttpStatus.BAD_REQUEST, message, List.of(detail == null ? message : firstLine(detail)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid value for " + e.getName() + ".";
        return body(HttpStatus.BAD_REQUEST, message, List.of(message));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<String> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage() + ".").toList();
        return body(HttpStatus.BAD_REQUEST, String.join(" ", problems), problems);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, String message, List<String> problems) {
        return ApiError.of(status, message, problems);
    }
}
