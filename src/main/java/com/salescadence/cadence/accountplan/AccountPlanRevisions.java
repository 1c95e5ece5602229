package com.salescadence.cadence.accountplan;

import static com.salescadence.workflow.AccountPlanProcess.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import com.salescadence.common.ValidationException;
import com.salescadence.pipeline.AccountService;

/**
 * Starts an account's plan revision (one process instance per account and year, business key
 * account:&lt;id&gt;:&lt;year&gt;), yearly from the account-plan-cycle or on demand. A revision of the
 * account still being written or reviewed is not started twice; one in its monitoring phase ends
 * because the next revision starts.
 */
@Service
public class AccountPlanRevisions {

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final AccountService accounts;

    AccountPlanRevisions(RuntimeService runtimeService, HistoryService historyService, AccountService accounts) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.accounts = accounts;
    }

    /** Whether this year's revision of the account was ever started (so a retried yearly batch skips it). */
    public boolean startedFor(long accountId, int year) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(businessKey(accountId, year)).count() > 0;
    }

    /** Starts the revision; refuses while another revision of the account is in phases 1 to 3. */
    public ProcessInstance start(long accountId, int year, Date revisionStart) {
        accounts.get(accountId);
        for (ProcessInstance running : runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(ACCOUNT_ID, accountId).active().list()) {
            if (!inMonitoring(running)) {
                throw new ValidationException("A revision of this account's plan is in progress (" + running.getBusinessKey()
                        + "): finish it first.");
            }
        }
        runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).variableValueEquals(ACCOUNT_ID, accountId)
                .active().list().forEach(previous -> runtimeService.createMessageCorrelation(MSG_NEXT_REVISION_STARTED)
                        .processInstanceId(previous.getId()).correlateWithResult());
        Map<String, Object> variables = new HashMap<>();
        variables.put(ACCOUNT_ID, accountId);
        variables.put(PLAN_YEAR, year);
        variables.put(REVISION_START, revisionStart);
        return runtimeService.startProcessInstanceByKey(KEY, businessKey(accountId, year), variables);
    }

    /** The running revision of an account, if any. */
    public Optional<ProcessInstance> running(long accountId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).variableValueEquals(ACCOUNT_ID, accountId)
                .active().list().stream().findFirst();
    }

    private boolean inMonitoring(ProcessInstance instance) {
        return runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventName(MSG_NEXT_REVISION_STARTED).count() > 0;
    }
}
