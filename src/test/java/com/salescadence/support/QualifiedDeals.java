package com.salescadence.support;

import static com.salescadence.workflow.LeadToCashProcess.*;

import java.time.LocalDate;
import java.util.Map;

import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.pipeline.Lead;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.process.LeadIntake;
import com.salescadence.workflow.TaskActions;

/** A deal of 449,000 that {@link TestOrganization#REP} qualified on a new account: its lead-to-cash instance waits in "Work the stage". */
public final class QualifiedDeals {

    private QualifiedDeals() {
    }

    /** @return the business key of the deal's lead-to-cash instance (its lead's id) */
    public static String open(AccountService accounts, LeadIntake intake, TaskActions tasks, String accountName, String dealName) {
        long accountId = accounts.create(accountName, AccountTier.KEY, "Retail", TestOrganization.REP).id();
        Lead lead = intake.receive(new NewLead(accountId, TestOrganization.REP, dealName, "Web", TestOrganization.amount("449000")));
        String businessKey = String.valueOf(lead.id());
        tasks.complete(businessKey, TASK_QUALIFY_LEAD, TestOrganization.REP, Map.of(F_QUALIFICATION_DECISION, "qualify",
                F_BUDGET, "Yes", F_AUTHORITY, "CIO", F_NEED, "Manual picking", F_TIMELINE, "Q1", F_OPPORTUNITY_NAME, dealName,
                F_AMOUNT, "449000", F_EXPECTED_CLOSE_DATE, LocalDate.now().plusMonths(2).toString()));
        return businessKey;
    }
}
