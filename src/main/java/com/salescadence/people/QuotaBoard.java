package com.salescadence.people;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.CurrencyRates;
import com.salescadence.metrics.Team;
import com.salescadence.organization.PersonEntry;
import com.salescadence.organization.Quota;
import com.salescadence.organization.QuotaService;
import com.salescadence.organization.Role;

/**
 * Everyone's quota and stretch target of a quarter, and where each comes from: the person's own (EXPLICIT),
 * the sum of their reports' (SUM_OF_REPORTS, recursively, in the base currency), or none. The same rule as the
 * metrics ({@link Team#ownOrReports}), over the same people (leavers' quotas of the quarter still count).
 */
@Service
@Transactional(readOnly = true)
public class QuotaBoard {

    /** Where a quota comes from. */
    public enum Source { EXPLICIT, SUM_OF_REPORTS, NONE }

    /** One person's line of the board; amounts in {@code currency}. */
    public record Line(String login, String name, Role role, String managerId, boolean active, String period,
                       BigDecimal quota, BigDecimal stretch, String currency, Source source) {
    }

    private final PeopleService people;
    private final QuotaService quotas;
    private final CurrencyRates rates;

    QuotaBoard(PeopleService people, QuotaService quotas, CurrencyRates rates) {
        this.people = people;
        this.quotas = quotas;
        this.rates = rates;
    }

    public List<Line> of(String period) {
        List<PersonEntry> everyone = people.directory();
        Map<String, Quota> own = quotas.find(everyone.stream().map(PersonEntry::id).toList(), period);
        Team team = new Team("", everyone.stream()
                .map(p -> new Team.Member(p.id(), p.fullName(), p.role(), p.managerId())).toList());
        List<Line> lines = new ArrayList<>();
        for (PersonEntry p : everyone) {
            if (!p.active() && !own.containsKey(p.id())) {
                continue;
            }
            lines.add(line(p, period, own, team));
        }
        return lines;
    }

    public Line of(String login, String period) {
        return of(period).stream().filter(l -> l.login().equals(login)).findFirst()
                .orElseThrow(() -> new com.salescadence.common.NotFoundException("No person with login '" + login + "'."));
    }

    private Line line(PersonEntry p, String period, Map<String, Quota> own, Team team) {
        Quota mine = own.get(p.id());
        if (mine != null) {
            return new Line(p.id(), p.fullName(), p.role(), p.managerId(), p.active(), period, mine.quotaAmount(),
                    mine.stretchAmount(), mine.currency(), Source.EXPLICIT);
        }
        BigDecimal quota = team.ownOrReports(p.id(), who -> base(own.get(who), Quota::quotaAmount));
        BigDecimal stretch = team.ownOrReports(p.id(), who -> base(own.get(who), Quota::stretchAmount));
        return new Line(p.id(), p.fullName(), p.role(), p.managerId(), p.active(), period, quota, stretch,
                quota == null ? null : rates.base(), quota == null ? Source.NONE : Source.SUM_OF_REPORTS);
    }

    private BigDecimal base(Quota quota, java.util.function.Function<Quota, BigDecimal> amount) {
        return quota == null ? null : rates.toBase(quota.currency(), amount.apply(quota));
    }
}
