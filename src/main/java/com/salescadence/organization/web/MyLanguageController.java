package com.salescadence.organization.web;

import java.security.Principal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The language the signed-in person reads the product in ("zh" or "en"): the Tasklist switches to it after
 * sign-in, mails and task names use it. A person the organisation does not know reads the default language.
 */
@RestController
@RequestMapping(path = "/api/me/language", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "My language", description = "The signed-in person's language: Simplified Chinese (zh) or English (en)")
class MyLanguageController {

    private final OrganizationService organization;
    private final OrganizationAdministration administration;

    MyLanguageController(OrganizationService organization, OrganizationAdministration administration) {
        this.organization = organization;
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "My language, {\"language\": \"zh\"} or \"en\", and my role (the Tasklist's header shows the import page to managers and admins)")
    MyLanguage mine(Principal principal) {
        String role = organization.findPerson(principal.getName()).map(p -> p.role().name()).orElse("NONE");
        return new MyLanguage(organization.languageOf(principal.getName()), role);
    }

    /** The signed-in person's language and role (NONE for someone the organisation does not know). */
    record MyLanguage(@Schema(allowableValues = {"zh", "en"}) String language,
                      @Schema(allowableValues = {"REP", "MANAGER", "FINANCE", "ADMIN", "NONE"}) String role) {
    }

    /** A change of language. */
    record LanguageChange(@Schema(allowableValues = {"zh", "en"}, requiredMode = Schema.RequiredMode.REQUIRED) String language) {
    }

    /** The language now set. */
    record LanguageSet(String language) {
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change my language")
    @ApiResponse(responseCode = "400", description = "the language is neither zh nor en, or the caller is not a person of the organisation")
    LanguageSet change(Principal principal, @RequestBody(required = false) LanguageChange body) {
        String language = body == null ? null : body.language();
        if (organization.findPerson(principal.getName()).isEmpty()) {
            throw new ValidationException("您不是组织中的人员，无法设置语言。 / You are not a person of the organisation: no language to set.");
        }
        if (!"zh".equals(language) && !"en".equals(language)) {
            throw new ValidationException("语言必须是 zh 或 en。 / Language must be zh or en, got '" + language + "'.");
        }
        administration.setLanguage(principal.getName(), language);
        return new LanguageSet(language);
    }
}
