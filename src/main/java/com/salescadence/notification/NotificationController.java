package com.salescadence.notification;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.salescadence.common.ApiError;
import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the product has told whom: a person's own notifications, and all of them for admin and finance. */
@RestController
@RequestMapping(path = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications", description = "Messages written to the outbox and the state of their delivery by mail")
class NotificationController {

    static final int DEFAULT_LIMIT = 50;

    private final NotificationService notifications;
    private final OrganizationService organization;

    NotificationController(NotificationService notifications, OrganizationService organization) {
        this.notifications = notifications;
        this.organization = organization;
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first")
    @ApiResponse(responseCode = "200", description = "the caller's notifications")
    @ApiResponse(responseCode = "400", description = "limit out of range")
    List<NotificationView> mine(Principal principal,
            @Parameter(description = "how many, 1 to 500") @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        return notifications.forRecipient(caller(principal), checked(limit)).stream().map(NotificationView::of).toList();
    }

    @GetMapping("/all")
    @Operation(summary = "Everyone's notifications, newest first (admin and finance only)")
    @ApiResponse(responseCode = "200", description = "the most recent notifications")
    @ApiResponse(responseCode = "400", description = "limit out of range")
    @ApiResponse(responseCode = "403", description = "the caller is neither admin nor finance")
    List<NotificationView> all(Principal principal,
            @Parameter(description = "how many, 1 to 500") @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        Optional<Role> role = roleOf(caller(principal));
        if (role.isEmpty() || !(role.get() == Role.ADMIN || role.get() == Role.FINANCE)) {
            throw new AccessDeniedException("Only admin and finance see everyone's notifications.");
        }
        return notifications.recent(checked(limit)).stream().map(NotificationView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One notification: the caller's own, or any for an admin")
    @ApiResponse(responseCode = "200", description = "the notification")
    @ApiResponse(responseCode = "404", description = "no such notification, or not the caller's")
    NotificationView one(Principal principal, @PathVariable long id) {
        String caller = caller(principal);
        return notifications.find(id)
                .filter(m -> m.recipientId().equals(caller) || roleOf(caller).orElse(null) == Role.ADMIN)
                .map(NotificationView::of)
                .orElseThrow(() -> new NotFoundException("No notification " + id + "."));
    }

    private static String caller(Principal principal) {
        if (principal == null || principal.getName() == null) {
            throw new AuthenticationCredentialsNotFoundException("Sign in to see notifications.");
        }
        return principal.getName();
    }

    private Optional<Role> roleOf(String personId) {
        return organization.findPerson(personId).map(Person::role);
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > NotificationService.MAX_LIMIT) {
            throw new ValidationException("limit must be between 1 and " + NotificationService.MAX_LIMIT + ", got " + limit + ".");
        }
        return limit;
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ApiError> badRequest(ValidationException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, e.getName() + " must be a whole number.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(null, message, null, null, null, null));
    }
}
