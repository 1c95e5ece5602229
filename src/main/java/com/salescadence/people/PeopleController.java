package com.salescadence.people;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.people.PeopleRequests.HandoverView;
import com.salescadence.people.PeopleRequests.Leave;
import com.salescadence.people.PeopleRequests.Me;
import com.salescadence.people.PeopleRequests.Move;
import com.salescadence.people.PeopleRequests.NewPerson;
import com.salescadence.people.PeopleRequests.PersonChange;
import com.salescadence.people.PeopleRequests.PersonView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/people")
@Tag(name = "People", description = "Administrators: people, reporting lines, moves and leavers; Camunda users and groups follow")
class PeopleController {

    private final PeopleService people;
    private final OrganizationService organization;
    private final Administrators administrators;

    PeopleController(PeopleService people, OrganizationService organization, Administrators administrators) {
        this.people = people;
        this.organization = organization;
        this.administrators = administrators;
    }

    @GetMapping
    @Operation(summary = "Admin: everyone, active or not (a leaver keeps their login, history and successor)")
    List<PersonView> list(Authentication caller) {
        administrators.require(caller);
        return people.directory().stream().map(PersonView::of).toList();
    }

    @GetMapping("/me")
    @Operation(summary = "Anyone: who the caller is and whether they administer people (the Tasklist shows its People link by it)")
    Me me(Authentication caller) {
        return new Me(caller.getName(), organization.findPerson(caller.getName()).map(Person::fullName).orElse(caller.getName()),
                administrators.is(caller));
    }

    @GetMapping("/{login}")
    @Operation(summary = "Admin: one person")
    PersonView get(@PathVariable String login, Authentication caller) {
        administrators.require(caller);
        return PersonView.of(people.entry(login));
    }

    @PostMapping
    @Operation(summary = "Admin: add a person; they get a mail (outbox) with a one-time link to set their password",
            description = "400: a field is missing or wrong, the manager is unknown; 409: the login is taken (also by a leaver).")
    ResponseEntity<PersonView> add(@Valid @RequestBody NewPerson request, Authentication caller) {
        administrators.require(caller);
        PersonView added = PersonView.of(people.add(new Person(request.login(), request.name().trim(), request.email().trim(),
                request.role(), blankToNull(request.managerId()), blankToNull(request.title())), request.language()));
        return ResponseEntity.created(URI.create("/api/people/" + added.login())).body(added);
    }

    @PutMapping("/{login}")
    @Operation(summary = "Admin: change name, e-mail, role, title and language",
            description = "400: taking the administrator role from the last administrator.")
    PersonView edit(@PathVariable String login, @Valid @RequestBody PersonChange request, Authentication caller) {
        administrators.require(caller);
        return PersonView.of(people.edit(login, request.name().trim(), request.email().trim(), request.role(),
                blankToNull(request.title()), blankToNull(request.language())));
    }

    @PostMapping("/{login}/move")
    @Operation(summary = "Admin: move a person to another manager; the chases and approvals about them that wait for the old "
            + "manager go to the new one", description = "400: the person would be their own manager, or the lines would form a loop.")
    HandoverView move(@PathVariable String login, @Valid @RequestBody Move request, Authentication caller) {
        administrators.require(caller);
        PeopleService.Handover handover = people.move(login, request.managerId());
        return HandoverView.of(people.entry(login), handover);
    }

    @PostMapping("/{login}/leave")
    @Operation(summary = "Admin: a person leaves today; their open deals, leads, accounts and tasks go to the successor, "
            + "their sign-in is locked, their history stays theirs",
            description = "400: the last administrator, a manager who still has reports, a successor who is not an active rep or manager.")
    HandoverView leave(@PathVariable String login, @Valid @RequestBody Leave request, Authentication caller) {
        administrators.require(caller);
        PeopleService.Handover handover = people.leave(login, request.successorId().trim());
        return HandoverView.of(people.entry(login), handover);
    }

    @PostMapping("/{login}/password-link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Admin: mail a new one-time link to set the password (earlier links stop working)")
    void passwordLink(@PathVariable String login, Authentication caller) {
        administrators.require(caller);
        people.sendPasswordLink(login);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
