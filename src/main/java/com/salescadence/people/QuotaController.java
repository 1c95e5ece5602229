package com.salescadence.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.common.Checks;
import com.salescadence.organization.QuotaService;
import com.salescadence.people.PeopleRequests.QuotaChange;
import com.salescadence.people.PeopleRequests.QuotaView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/quotas")
@Tag(name = "Quotas", description = "Administrators: quotas and stretch targets per person and quarter; a manager without "
        + "an own quota has the sum of their reports'")
class QuotaController {

    private final QuotaBoard board;
    private final QuotaService quotas;
    private final PeopleService people;
    private final Currencies currencies;
    private final Administrators administrators;
    private final Clock clock;

    QuotaController(QuotaBoard board, QuotaService quotas, PeopleService people, Currencies currencies,
                    Administrators administrators, Clock clock) {
        this.board = board;
        this.quotas = quotas;
        this.people = people;
        this.currencies = currencies;
        this.administrators = administrators;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Admin: every active person's quota and stretch of a quarter (default: this one), with its source: "
            + "EXPLICIT, SUM_OF_REPORTS or NONE")
    List<QuotaView> list(@RequestParam(required = false) String period, Authentication caller) {
        administrators.require(caller);
        return board.of(period(period)).stream().map(QuotaView::of).toList();
    }

    @PutMapping("/{login}/{period}")
    @Operation(summary = "Admin: set a person's own quota and stretch of a quarter (e.g. 2026-Q4); it replaces the earlier one",
            description = "400: the stretch is below the quota, an unknown currency, a bad period, an inactive person.")
    QuotaView set(@PathVariable String login, @PathVariable String period, @Valid @RequestBody QuotaChange request,
                  Authentication caller) {
        administrators.require(caller);
        String currency = request.currency() == null || request.currency().isBlank()
                ? currencies.base() : request.currency().trim().toUpperCase(Locale.ROOT);
        Checks.start()
                .require(people.active().containsKey(login), "'" + login + "' is not an active person. / " + login + " 不是在职人员。")
                .require(currencies.known(currency), "Currency '" + currency + "' is not one this system uses ("
                        + String.join(", ", currencies.all()) + ").")
                .orThrow();
        quotas.set(login, period, request.quota(), request.stretch(), currency);
        return QuotaView.of(board.of(login, period));
    }

    @DeleteMapping("/{login}/{period}")
    @Operation(summary = "Admin: remove a person's own quota of a quarter: a manager's quota becomes the sum of their reports'")
    QuotaView remove(@PathVariable String login, @PathVariable String period, Authentication caller) {
        administrators.require(caller);
        quotas.remove(login, period);
        return QuotaView.of(board.of(login, period));
    }

    private String period(String period) {
        String key = period == null || period.isBlank() ? QuotaService.quarterOf(LocalDate.now(clock)) : period.trim();
        Checks.start().require(key.matches("\\d{4}-Q[1-4]"), "Period must look like 2026-Q4.").orThrow();
        return key;
    }
}
