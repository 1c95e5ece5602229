package com.salescadence.people;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.people.PeopleRequests.LinkCheck;
import com.salescadence.people.PeopleRequests.LinkValid;
import com.salescadence.people.PeopleRequests.NewPassword;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The one-time password links of new people: no sign-in needed, the link's token is the proof. */
@RestController
@RequestMapping("/api/password")
@Tag(name = "Password", description = "Set a password with the one-time link of a mail (no sign-in)")
class PasswordController {

    private final PasswordLinks links;

    PasswordController(PasswordLinks links) {
        this.links = links;
    }

    @PostMapping("/check")
    @Operation(summary = "Whether a link's token still works, and for which login", description = "400 when used, expired or unknown.")
    LinkValid check(@Valid @RequestBody LinkCheck request) {
        return links.check(request.token()).map(v -> new LinkValid(v.personId(), v.expiresAt()))
                .orElseThrow(PasswordLinks::refused);
    }

    @PostMapping
    @Operation(summary = "Set the password with a link's token (12 characters or more); the link is then used up",
            description = "400: a short password, a used, expired or unknown link.")
    LinkValid set(@Valid @RequestBody NewPassword request) {
        String login = links.use(request.token(), request.password());
        return new LinkValid(login, null);
    }
}
