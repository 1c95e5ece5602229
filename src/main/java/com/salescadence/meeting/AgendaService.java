package com.salescadence.meeting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.quarterly.QuarterlyReviewService;
import com.salescadence.metrics.FunnelService;
import com.salescadence.metrics.MetricsService;
import com.salescadence.metrics.MetricsViews.Overview;
import com.salescadence.metrics.snapshot.SnapshotService;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;

/**
 * Prefills a meeting's agenda from the product, by reusing the figures the dashboard shows (metrics overview, funnel,
 * the week's pipeline changes), the pipeline, the quarterly review records and the series' open action items.
 */
@Service
@Transactional(readOnly = true)
public class AgendaService {

    private final MeetingService meetings;
    private final MetricsService metrics;
    private final FunnelService funnel;
    private final SnapshotService snapshots;
    private final OpportunityService opportunities;
    private final QuarterlyReviewService quarterlyReviews;
    private final CycleService cycles;
    private final OrganizationService organization;
    private final Clock clock;
    private final int keyDeals;

    AgendaService(MeetingService meetings, MetricsService metrics, FunnelService funnel, SnapshotService snapshots,
                  OpportunityService opportunities, QuarterlyReviewService quarterlyReviews, CycleService cycles,
                  OrganizationService organization, Clock clock, @Value("${cadence.meetings.key-deals:5}") int keyDeals) {
        this.meetings = meetings;
        this.metrics = metrics;
        this.funnel = funnel;
        this.snapshots = snapshots;
        this.opportunities = opportunities;
        this.quarterlyReviews = quarterlyReviews;
        this.cycles = cycles;
        this.organization = organization;
        this.clock = clock;
        this.keyDeals = keyDeals;
    }

    public Agenda of(Meeting meeting) {
        List<MeetingKind.AgendaSection> sections = meeting.kind().agenda();
        String aboutId = meeting.subjectId() != null ? meeting.subjectId() : meeting.ownerId();
        Person about = organization.person(aboutId);
        LocalDate today = LocalDate.now(clock);
        Overview overview = metrics.overview(about, today);
        List<Opportunity> deals = opportunities.listVisibleTo(aboutId);
        Agenda.Results results = new Agenda.Results(overview.quarter(), overview.currency(), overview.quota(), overview.booked(),
                overview.forecast().value(), percent(overview.booked(), overview.quota()));
        Agenda.PipelineHealth health = health(about, overview);
        List<Agenda.Deal> key = sections.contains(MeetingKind.AgendaSection.KEY_DEALS)
                ? MeetingRules.keyDeals(deals, keyDeals).stream().map(this::deal).toList() : List.of();
        Agenda.Deal win = null;
        if (sections.contains(MeetingKind.AgendaSection.WIN_STORY)) {
            LocalDateTime since = meetings.previous(meeting).map(Meeting::startsAt).orElse(meeting.startsAt().minusWeeks(2));
            win = MeetingRules.winStory(deals, since).map(this::deal).orElse(null);
        }
        List<Agenda.Review> reviews = sections.contains(MeetingKind.AgendaSection.QUARTERLY_REVIEWS) ? reviews(aboutId) : List.of();
        List<Agenda.OpenAction> open = meetings.openActions(meeting).stream()
                .map(a -> new Agenda.OpenAction(a.id(), a.what(), a.ownerId(), meetings.name(a.ownerId()), a.dueDate(),
                        MeetingRules.overdue(a, today)))
                .toList();
        return new Agenda(sections, aboutId, about.fullName(), results, health, key, win, reviews, open);
    }

    private Agenda.PipelineHealth health(Person about, Overview overview) {
        FunnelService.Funnel f = funnel.funnel(about, null, null);
        long stuck = f.stages().stream().mapToLong(s -> s.person().stuck()).sum();
        BigDecimal from = null;
        BigDecimal to = null;
        Integer changed = null;
        // the week's baseline as the dashboard's "what changed" picks it; none yet: the agenda says so
        var baseline = com.salescadence.metrics.snapshot.WeekBaseline.pick(snapshots.list(about.id(), 200));
        if (baseline.isPresent()) {
            SnapshotService.Changes changes = snapshots.changes(about.id(), baseline.get().id(), null, null, 50);
            from = changes.startAmount();
            to = changes.endAmount();
            changed = changes.changes().size();
        }
        return new Agenda.PipelineHealth(overview.coverage().value(), overview.coverage().flag() == null ? null
                : overview.coverage().flag().name(), overview.pipeline().thisQuarter(), stuck, f.stuckDays(), from, to, changed);
    }

    private List<Agenda.Review> reviews(String managerId) {
        List<Agenda.Review> rows = new ArrayList<>();
        cycles.recent(Cadence.QUARTERLY_REVIEW, 1).stream().findFirst().ifPresent(cycle -> {
            for (String personId : organization.teamOf(managerId)) {
                quarterlyReviews.review(cycle.id(), personId).ifPresent(r -> rows.add(new Agenda.Review(personId,
                        meetings.name(personId), r.quarterKey(), r.booked(), r.quotaAmount(), r.nextQuarterPlan(), r.proposedTarget())));
            }
        });
        rows.sort(java.util.Comparator.comparing(Agenda.Review::name));
        return rows;
    }

    private Agenda.Deal deal(Opportunity d) {
        return new Agenda.Deal(d.id(), d.name(), meetings.name(d.ownerId()), d.amount(), d.stageCode(), d.expectedCloseDate());
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
