package com.salescadence.cadence.accountplan.web;

import static com.salescadence.workflow.AccountPlanProcess.*;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.cadence.accountplan.AccountPlanCycle;
import com.salescadence.cadence.accountplan.TierReviewService;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.TierReviewPage;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.TierReviewRequest;
import com.salescadence.cadence.accountplan.web.AccountPlanApi.TierReviewsRecorded;
import com.salescadence.common.Checked;
import com.salescadence.common.Inputs;
import com.salescadence.common.PostedRows;
import com.salescadence.organization.OrganizationService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.workflow.TaskActions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A manager's yearly review of the accounts below the key tier (the 'Yearly account review' form's API). */
@RestController
@RequestMapping("/api/account-plans")
@Tag(name = "Account plans", description = "Key-account plans: yearly revision in four phases, versions, reviews")
class TierReviewController {

    private final TierReviewService tierReviews;
    private final OrganizationService organization;
    private final TaskActions tasks;

    TierReviewController(TierReviewService tierReviews, OrganizationService organization, TaskActions tasks) {
        this.tierReviews = tierReviews;
        this.organization = organization;
        this.tasks = tasks;
    }

    @GetMapping("/tier-reviews/{year}")
    @Operation(summary = "Manager: the year's tier review (default: the caller's): the second-tier accounts to review one by one and the "
            + "other accounts reviewed together (the rows of the 'Yearly account review' form), and the reviews recorded; "
            + "403 for a manager the caller may not see")
    TierReviewPage tierReview(@PathVariable int year, @RequestParam(required = false) String managerId, Principal principal) {
        String manager = managerId == null ? principal.getName() : managerId;
        if (!organization.canSee(principal.getName(), manager)) {
            throw new AccessDeniedException("No tier review of '" + manager + "' for " + principal.getName() + ".");
        }
        return new TierReviewPage(year, manager, tierReviews.rows(manager, AccountTier.SECOND),
                tierReviews.rows(manager, AccountTier.OTHER), tierReviews.reviews(year, manager));
    }

    @PostMapping("/tier-reviews/{year}/check")
    @Operation(summary = "Manager: check a tier review without recording it (what the form shows at each account's row): 200 when it "
            + "would be accepted, else 400 with the problems and 'rows' {accountId: [problems]}")
    Checked checkTierReview(@PathVariable int year, @RequestBody @Valid TierReviewRequest body, Principal principal) {
        tierReviews.check(principal.getName(), PostedRows.of(body.secondTierAccounts()), Inputs.text(body.collectiveNotes()))
                .problems().orThrow();
        return Checked.OK;
    }

    @PostMapping("/tier-reviews/{year}")
    @Operation(summary = "Manager: complete the yearly tier review (completes 'Yearly account review'): secondTierAccounts "
            + "[{accountId, notes}] for every second-tier account, collectiveNotes")
    TierReviewsRecorded completeTierReview(@PathVariable int year, @RequestBody @Valid TierReviewRequest body, Principal principal) {
        List<Map<String, Object>> rows = PostedRows.of(body.secondTierAccounts());
        Map<String, Object> fields = new HashMap<>();
        // as the form does: transient, the process glue reads them and the engine never stores them
        fields.put(SECOND_TIER_ROWS, Variables.stringValue(Spin.JSON(rows).toString(), true));
        fields.put(F_COLLECTIVE_NOTES, Variables.stringValue(Inputs.text(body.collectiveNotes()), true));
        tasks.complete(AccountPlanCycle.tierReviewKey(year, principal.getName()), TASK_ANNUAL_TIER_REVIEW, principal.getName(), fields);
        return new TierReviewsRecorded(tierReviews.reviews(year, principal.getName()));
    }
}
