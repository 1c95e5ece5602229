package com.salescadence.pipeline.web;

import static com.salescadence.workflow.LeadToCashProcess.*;

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
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.Lead;
import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.process.LeadIntake;
import com.salescadence.workflow.TaskActions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/leads")
@Tag(name = "Leads", description = "Leads and their BANT qualification; each lead runs one lead-to-cash process")
class LeadController {

    private final LeadService leads;
    private final LeadIntake intake;
    private final TaskActions tasks;
    private final OrganizationService organization;
    private final AccountService accounts;

    LeadController(LeadService leads, LeadIntake intake, TaskActions tasks, OrganizationService organization,
                   AccountService accounts) {
        this.accounts = accounts;
        this.leads = leads;
        this.intake = intake;
        this.tasks = tasks;
        this.organization = organization;
    }

    @GetMapping
    @Operation(summary = "Leads the caller may see")
    List<Lead> list(Principal principal) {
        return leads.listVisibleTo(principal.getName());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One lead")
    Lead get(@PathVariable long id, Principal principal) {
        return leads.visibleTo(id, principal.getName());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter a lead and start its lead-to-cash process (business key = lead id)")
    Lead create(@RequestBody PipelineRequests.NewLeadRequest request, Principal principal) {
        String owner = request.ownerId() == null ? principal.getName() : request.ownerId();
        if (organization.findPerson(owner).isPresent() && !organization.canSee(principal.getName(), owner)) {
            throw new ValidationException("You can only enter leads for yourself or your team.");
        }
        if (request.accountId() != null) {
            // only on an account the caller may see (issue 18 item 8): another team's account answers as a missing one,
            // so walking ids tells nothing about other teams' customers
            accounts.visibleTo(request.accountId(), principal.getName());
        }
        return intake.receive(new NewLead(request.accountId(), owner, request.title(), request.source(),
                request.estimatedAmount()));
    }

    @PostMapping("/{id}/qualification")
    @Operation(summary = "Qualify (convert to an opportunity) or disqualify the lead: completes 'Qualify lead (BANT)'")
    Lead qualify(@PathVariable long id, @RequestBody PipelineRequests.QualificationRequest request, Principal principal) {
        leads.visibleTo(id, principal.getName());
        tasks.complete(String.valueOf(id), TASK_QUALIFY_LEAD, principal.getName(), Fields.of()
                .put(F_QUALIFICATION_DECISION, request.decision())
                .put(F_BUDGET, request.budget())
                .put(F_AUTHORITY, request.authority())
                .put(F_NEED, request.need())
                .put(F_TIMELINE, request.timeline())
                .put(F_DISQUALIFY_REASON, request.disqualifyReason())
                .put(F_OPPORTUNITY_NAME, request.opportunityName())
                .put(F_AMOUNT, request.amount())
                .put(F_EXPECTED_CLOSE_DATE, request.expectedCloseDate())
                .map());
        return leads.get(id);
    }
}
