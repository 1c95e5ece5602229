package com.salescadence.pipeline.deal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.NotFoundException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.stage.Stage;

/**
 * A rep edits their deal's amount, expected close date, probability (at most the stage's cap) and next step in
 * place: the rules of {@link DealChangeRules}, then each changed field is stored on the deal and kept in the change
 * log (who, when, field, old, new) in one transaction; a refused edit stores nothing. Snapshots copy the deal as it
 * now stands, so the waterfall of what changed shows the edit (AMOUNT_UP / AMOUNT_DOWN, PUSHED_OUT / PULLED_IN), and
 * the history snapshots read past amounts and close dates from the log. Open tasks whose names carry the deal's
 * name and amount (stage tasks, approvals) are renamed in the same transaction ({@link DealChanged}). Whether the deal is in the funnel was decided
 * when it opened and stays as it is.
 *
 * <p>Only the deal's owner edits it: a person who may see the deal but does not own it (their manager, an
 * administrator) is refused with {@link DealAccessDenied} (403); one who may not see it gets
 * {@link NotFoundException} (404), as for every deal.
 */
@Service
@Transactional
public class DealChangeService {

    private final DealChangeRepository repository;
    private final OpportunityService opportunities;
    private final OrganizationService organization;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DealChangeService(DealChangeRepository repository, OpportunityService opportunities, OrganizationService organization,
                      Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.opportunities = opportunities;
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * Applies the edit to the caller's deal.
     * @return the changes kept, in field order (empty when every value given is the one the deal already has)
     * @throws com.salescadence.common.ValidationException every problem of the edit (400); nothing is stored
     */
    public List<DealChange> change(long opportunityId, DealEdit edit, String actorId) {
        Opportunity deal = opportunities.visibleTo(opportunityId, actorId);
        if (!deal.ownerId().equals(actorId)) {
            String owner = organization.findPerson(deal.ownerId()).map(Person::fullName).orElse(deal.ownerId());
            throw new DealAccessDenied("只有商机负责人 " + owner + " 可以修改它；您可以评论。 / Only the deal's owner, " + owner
                    + ", edits it; you may comment on it.");
        }
        DealTerms terms = repository.termsForUpdate(opportunityId)
                .orElseThrow(() -> new NotFoundException("No opportunity " + opportunityId + "."));
        Stage stage = opportunities.modelOf(deal).stage(deal.stageCode());
        List<FieldChange> changes = DealChangeRules.changes(terms, stage, edit, LocalDate.now(clock));
        LocalDateTime now = LocalDateTime.now(clock);
        for (FieldChange change : changes) {
            repository.apply(opportunityId, change);
            repository.insertChange(opportunityId, change, actorId, now);
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        events.publishEvent(new DealChanged(opportunityId));   // e.g. the open tasks named after the deal, renamed
        List<DealChange> log = repository.changes(opportunityId);
        return List.copyOf(log.subList(log.size() - changes.size(), log.size()));
    }

    /** Moves the caller's deal to another expected close date (the weekly commit grid's row edit). */
    public List<DealChange> changeCloseDate(long opportunityId, LocalDate closeDate, String actorId) {
        return change(opportunityId, DealEdit.closeDate(closeDate), actorId);
    }

    /** Every kept change of a deal the viewer may see, oldest first. */
    @Transactional(readOnly = true)
    public List<DealChange> changes(long opportunityId, String viewerId) {
        opportunities.visibleTo(opportunityId, viewerId);
        return repository.changes(opportunityId);
    }

    /** The next steps written on the given deals, by deal id; the caller has checked that the viewer may see them. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> nextSteps(java.util.Collection<Long> opportunityIds) {
        return repository.nextSteps(opportunityIds);
    }

    /** The deal's next step, if the rep wrote one. */
    @Transactional(readOnly = true)
    public Optional<String> nextStep(long opportunityId) {
        return repository.nextStep(opportunityId);
    }
}
