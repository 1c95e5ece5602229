package com.salescadence.imports;

import com.salescadence.common.ApiError;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Refusals of an upload, as the API's other refusals ({"status", "error", "problems"}). Not limited to the
 * import controller: a multipart body is parsed before any controller is chosen.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportErrors {

    private final ImportProperties properties;

    ImportErrors(ImportProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(FileTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(FileTooLargeException e) {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> uploadTooLarge(MaxUploadSizeExceededException e) {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, FileTooLargeException.message(properties.maxBytes().toBytes()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> badMultipart(MultipartException e) {
        return body(HttpStatus.BAD_REQUEST, "The upload could not be read as multipart/form-data: send the CSV file in a part named 'file'.");
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, String message) {
        return ApiError.of(status, message);
    }
}
