package com.salescadence.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.salescadence.organization.PersonEntry;
import com.salescadence.organization.Role;

import io.swagger.v3.oas.annotations.media.Schema;

/** The request and response bodies of /api/people, /api/quotas and /api/password. */
final class PeopleRequests {

    private PeopleRequests() {
    }

    static final String LOGIN = "[a-z0-9._-]+";

    @Schema(name = "NewPerson", description = "A person to add; they get a mail with a one-time link to set their password")
    record NewPerson(
            @NotBlank @Size(max = 64) @Pattern(regexp = LOGIN, message = "may only use a-z, 0-9, '.', '_' and '-'")
            @Schema(example = "rep.wang") String login,
            @NotBlank @Size(max = 120) @Schema(example = "Wang Fang") String name,
            @NotBlank @Email @Size(max = 200) @Schema(example = "wang.fang@example.com") String email,
            @NotNull Role role,
            @Size(max = 64) @Schema(description = "login of the manager; empty at the top") String managerId,
            @Size(max = 120) String title,
            @Pattern(regexp = "zh|en", message = "must be zh or en") @Schema(description = "zh (default) or en") String language) {
    }

    @Schema(name = "PersonChange", description = "New name, e-mail, role, title and language (the manager changes by a move)")
    record PersonChange(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Email @Size(max = 200) String email,
            @NotNull Role role,
            @Size(max = 120) String title,
            @Pattern(regexp = "zh|en", message = "must be zh or en") String language) {
    }

    @Schema(name = "Move", description = "The new manager's login; empty or null puts the person at the top")
    record Move(@Size(max = 64) String managerId) {
    }

    @Schema(name = "Leave", description = "Who takes over the leaver's open deals, leads, accounts and tasks")
    record Leave(@NotBlank @Size(max = 64) String successorId) {
    }

    @Schema(name = "Person")
    record PersonView(String login, String name, String email, Role role, String managerId, String title, String language,
                      boolean active, LocalDate leftOn, String successorId) {
        static PersonView of(PersonEntry e) {
            return new PersonView(e.id(), e.fullName(), e.email(), e.role(), e.managerId(), e.title(), e.language(),
                    e.active(), e.leftOn(), e.successorId());
        }
    }

    @Schema(name = "Me", description = "The caller and whether they administer people")
    record Me(String login, String name, boolean administrator) {
    }

    @Schema(name = "Handover", description = "A move or a leave, and the open work it handed over")
    record HandoverView(PersonView person,
                        @Schema(description = "ids of the Camunda tasks given to the new manager or successor") List<String> tasks,
                        @Schema(description = "pending stage-advance approvals that now wait for them") int approvals,
                        int openDeals, int openLeads, int accounts, int contacts,
                        @Schema(description = "a leaver's own report processes ended (weekly commit, monthly forecast, quarterly "
                                + "review preparation): the successor reports the deals in their own reports") int reportsEnded) {
        static HandoverView of(PersonEntry person, PeopleService.Handover h) {
            return new HandoverView(PersonView.of(person), h.taskIds(), h.approvals(), h.openDeals(), h.openLeads(),
                    h.accounts(), h.contacts(), h.reportsEnded());
        }
    }

    @Schema(name = "QuotaChange", description = "A person's own quota and stretch target of a quarter")
    record QuotaChange(
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 13, fraction = 2) BigDecimal quota,
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 13, fraction = 2) BigDecimal stretch,
            @Size(min = 3, max = 3) @Schema(description = "default: the base currency") String currency) {
    }

    @Schema(name = "QuotaLine", description = "A person's quota and stretch of a quarter and where they come from: "
            + "EXPLICIT (their own), SUM_OF_REPORTS (no own quota: the sum of their reports', in the base currency) or NONE")
    record QuotaView(String login, String name, Role role, String managerId, boolean active, String period,
                     BigDecimal quota, BigDecimal stretch, String currency, QuotaBoard.Source source) {
        static QuotaView of(QuotaBoard.Line l) {
            return new QuotaView(l.login(), l.name(), l.role(), l.managerId(), l.active(), l.period(), l.quota(), l.stretch(),
                    l.currency(), l.source());
        }
    }

    @Schema(name = "PasswordLinkCheck")
    record LinkCheck(@NotBlank @Size(max = 200) String token) {
    }

    @Schema(name = "PasswordLinkValid", description = "The login a one-time link sets the password of, and until when it works")
    record LinkValid(String login, java.time.LocalDateTime expiresAt) {
    }

    @Schema(name = "NewPassword")
    record NewPassword(@NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 200) String password) {
    }
}
