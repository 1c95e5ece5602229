package com.salescadence.common;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every refusal of the API: the status, the message ("中文 / English") and the problems one per
 * sentence; a grid's refusal also says at which row each problem is ({@code rows}) and which are the whole grid's
 * ({@code general}). Fields left out (null) are not written.
 */
@Schema(name = "ApiError")
public record ApiError(Integer status, String error,
                       @Schema(description = "the same as error (the metrics API's older name)") String message,
                       List<String> problems,
                       @Schema(description = "a grid's problems by row key") Map<String, List<String>> rows,
                       @Schema(description = "a grid's problems that belong to no row") List<String> general) {

    /** {status, error, problems}. */
    public static ResponseEntity<ApiError> of(HttpStatus status, String error, List<String> problems) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), error, null, problems, null, null));
    }

    /** {status, error, problems: [error]}. */
    public static ResponseEntity<ApiError> of(HttpStatus status, String error) {
        return of(status, error, List.of(error));
    }
}
