package com.salescadence.metrics.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.salescadence.common.ApiError;
import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;

/**
 * Refusals of the metrics API as the contract has them: {"message"} (beside the product's usual "error" and
 * "problems"), 400 for bad parameters, 403 with the reason, 404.
 */
@RestControllerAdvice(assignableTypes = {MetricsController.class, SnapshotController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class MetricsErrors {

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ApiError> invalid(ValidationException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        String message = e instanceof MethodArgumentTypeMismatchException m
                ? "'" + m.getValue() + "' is not a valid value for " + m.getName() + "." : e.getMessage();
        return body(HttpStatus.BAD_REQUEST, message, List.of(message));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return body(HttpStatus.FORBIDDEN, e.getMessage(), List.of(e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage(), List.of(e.getMessage()));
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, String message, List<String> problems) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message, message, problems, null, null));
    }
}
