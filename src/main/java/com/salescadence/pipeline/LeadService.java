package com.salescadence.pipeline;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.ConflictException;
import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Role;

/** Leads: entered, qualified by BANT, then disqualified with a reason or converted to an opportunity. */
@Service
@Transactional
public class LeadService {

    private final LeadRepository leads;
    private final AccountRepository accounts;
    private final OpportunityService opportunities;
    private final OrganizationService organization;
    private final PipelineProperties properties;
    private final Clock clock;

    LeadService(LeadRepository leads, AccountRepository accounts, OpportunityService opportunities,
                OrganizationService organization, PipelineProperties properties, Clock clock) {
        this.leads = leads;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.organization = organization;
        this.properties = properties;
        this.clock = clock;
    }

    public Lead create(NewLead lead) {
        Checks checks = Checks.start()
                .requiredName(lead.title(), "Lead title", Checks.SHORT_TEXT)
                .optionalText(lead.source(), "Source", 100)
                .require(lead.accountId() != null && accounts.find(lead.accountId()).isPresent(),
                        "Account " + lead.accountId() + " does not exist.")
                .require(lead.ownerId() != null && organization.findPerson(lead.ownerId())
                        .filter(p -> p.role() == Role.REP || p.role() == Role.MANAGER).isPresent(),
                        "Owner '" + lead.ownerId() + "' is not a rep or manager.");
        if (lead.estimatedAmount() != null) {
            checks.positiveAmount(lead.estimatedAmount(), "Estimated amount");
        }
        checks.orThrow();
        if (leads.openLeadExists(lead.accountId(), lead.ownerId(), lead.title())) {
            throw new ConflictException("此客户上已有一条名为「" + lead.title().trim() + "」的未结线索（重复提交？），没有新建。 / "
                    + "There is an open lead '" + lead.title().trim() + "' of yours on this account already (sent twice?); "
                    + "no second one was made.");
        }
        return get(leads.insert(lead, properties.currency(), LocalDateTime.now(clock)));
    }

    @Transactional(readOnly = true)
    public Lead get(long id) {
        return leads.find(id).orElseThrow(() -> new NotFoundException("No lead " + id + "."));
    }

    @Transactional(readOnly = true)
    public Lead visibleTo(long id, String viewerId) {
        Lead lead = get(id);
        if (!organization.canSee(viewerId, lead.ownerId())) {
            throw new NotFoundException("No lead " + id + ".");
        }
        return lead;
    }

    @Transactional(readOnly = true)
    public List<Lead> listVisibleTo(String viewerId) {
        return organization.visibleOwners(viewerId).map(leads::findByOwners).orElseGet(leads::findAll);
    }

    /** Records the BANT qualification; a qualified lead opens its opportunity in the first stage. */
    public QualificationResult qualify(long leadId, Qualification q) {
        Lead lead = get(leadId);
        if (lead.status() != LeadStatus.OPEN) {
            throw new ValidationException("Lead " + leadId + " was already " + lead.status().name().toLowerCase() + ".");
        }
        Checks checks = Checks.start()
                .optionalText(q.budget(), "Budget", Checks.SHORT_TEXT)
                .optionalText(q.authority(), "Authority", Checks.SHORT_TEXT)
                .optionalText(q.need(), "Need", Checks.LONG_TEXT)
                .optionalText(q.timeline(), "Timeline", Checks.SHORT_TEXT)
                .optionalText(q.disqualifyReason(), "Reason for disqualifying", Checks.LONG_TEXT);
        LocalDateTime now = LocalDateTime.now(clock);
        if (!q.qualified()) {
            checks.requiredText(q.disqualifyReason(), "Reason for disqualifying", Checks.LONG_TEXT).orThrow();
            leads.recordQualification(leadId, q, LeadStatus.DISQUALIFIED, now);
            return new QualificationResult(false, null, false, false);
        }
        checks.requiredText(q.budget(), "Budget", Checks.SHORT_TEXT)
                .requiredText(q.authority(), "Authority", Checks.SHORT_TEXT)
                .requiredText(q.need(), "Need", Checks.LONG_TEXT)
                .requiredText(q.timeline(), "Timeline", Checks.SHORT_TEXT);
        opportunities.checkOpening(q.opportunityName(), q.amount(), q.expectedCloseDate(), checks);
        checks.orThrow();
        leads.recordQualification(leadId, q, LeadStatus.CONVERTED, now);
        Opportunity opportunity = opportunities.open(lead, q.opportunityName().trim(), q.amount(), q.expectedCloseDate());
        return new QualificationResult(true, opportunity.id(), opportunity.inFunnel(),
                opportunities.needsGoNoGo(opportunity));
    }
}
