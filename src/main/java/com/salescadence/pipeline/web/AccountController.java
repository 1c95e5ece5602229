package com.salescadence.pipeline.web;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.pipeline.Contact;
import com.salescadence.pipeline.ContactService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts", description = "Customer accounts in three tiers: key, second, other")
class AccountController {

    private final AccountService accounts;
    private final ContactService contacts;
    private final OrganizationService organization;

    AccountController(AccountService accounts, ContactService contacts, OrganizationService organization) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.organization = organization;
    }

    @GetMapping
    @Operation(summary = "Accounts the caller may see")
    List<Account> list(Principal principal) {
        return accounts.listVisibleTo(principal.getName());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account")
    Account get(@PathVariable long id, Principal principal) {
        return accounts.visibleTo(id, principal.getName());
    }

    @GetMapping("/{id}/contacts")
    @Operation(summary = "The contacts of an account the caller may see")
    List<Contact> contacts(@PathVariable long id, Principal principal) {
        accounts.visibleTo(id, principal.getName());
        return contacts.ofAccount(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account, owned by the caller or by someone of the caller's team")
    Account create(@RequestBody PipelineRequests.NewAccountRequest request, Principal principal) {
        String owner = request.ownerId() == null ? principal.getName() : request.ownerId();
        if (organization.findPerson(owner).isPresent() && !organization.canSee(principal.getName(), owner)) {
            throw new ValidationException("You can only create accounts for yourself or your team.");
        }
        AccountTier tier = null;
        if (request.tier() != null) {
            try {
                tier = AccountTier.valueOf(request.tier().trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new ValidationException("Tier must be KEY, SECOND or OTHER, got '" + request.tier() + "'.");
            }
        }
        return accounts.create(request.name(), tier, request.industry(), owner);
    }
}
