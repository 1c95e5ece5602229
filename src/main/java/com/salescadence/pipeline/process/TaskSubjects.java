package com.salescadence.pipeline.process;

import static com.salescadence.workflow.LeadToCashProcess.*;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.CashService;
import com.salescadence.pipeline.Lead;
import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.OpportunityService;
import com.salescadence.pipeline.PipelineProperties;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageModel;
import com.salescadence.workflow.AccountPlanProcess;
import com.salescadence.workflow.WeeklyCommitProcess;
import com.salescadence.workflow.naming.Language;
import com.salescadence.workflow.naming.SubjectSource;
import com.salescadence.workflow.naming.SubjectTexts;
import com.salescadence.workflow.naming.TaskNameRules;
import com.salescadence.workflow.naming.TaskSubject;
import com.salescadence.workflow.naming.TaskSubject.Text;

/**
 * Reads what a task is about from the product's tables, by the ids its process holds (deal, lead, invoice,
 * account, rep, manager, cycle key, plan year). Only the parts the task's name shows are read.
 */
@Component
public class TaskSubjects implements SubjectSource {

    private static final String PLAN_YEAR = AccountPlanProcess.PLAN_YEAR;
    private static final String ACCOUNT_ID = AccountPlanProcess.ACCOUNT_ID;
    private static final String REP_ID = WeeklyCommitProcess.REP_ID;
    private static final String MANAGER_ID = WeeklyCommitProcess.MANAGER_ID;
    private static final String CYCLE_KEY = WeeklyCommitProcess.CYCLE_KEY;

    private final OrganizationService organization;
    private final LeadService leads;
    private final AccountService accounts;
    private final OpportunityService opportunities;
    private final CashService cash;
    private final String usualCurrency;

    TaskSubjects(OrganizationService organization, LeadService leads, AccountService accounts, OpportunityService opportunities,
                 CashService cash, PipelineProperties pipeline) {
        this.organization = organization;
        this.leads = leads;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.cash = cash;
        this.usualCurrency = pipeline.currency();
    }

    @Override
    public TaskSubject of(String taskKey, VariableScope variables) {
        return of(taskKey, variables::getVariable);
    }

    /** {@link #of(String, VariableScope)} with the task's variables read by name (an open task's, from the engine). */
    TaskSubject of(String taskKey, Function<String, Object> variables) {
        String en = TaskNameRules.template(taskKey, Language.EN);
        TaskSubject subject = TaskSubject.none();
        Long opportunityId = id(variables, OPPORTUNITY_ID);
        Long invoiceId = id(variables, INVOICE_ID);
        if (invoiceId != null && opportunityId == null) {
            opportunityId = cash.dealOf(cash.invoice(invoiceId)).id();
        }
        Opportunity deal = opportunityId == null ? null : opportunities.get(opportunityId);
        if (en.contains("{about}")) {
            subject = subject.withAbout(about(variables, deal));
        }
        if (en.contains("{stage}") && deal != null) {
            subject = subject.withStage(stage(taskKey, deal));
        }
        if (en.contains("{person}")) {
            String personId = deal != null ? deal.ownerId() : firstText(variables, OWNER_ID, REP_ID, MANAGER_ID);
            subject = subject.withPerson(name(personId));
        }
        if (en.contains("{team}")) {
            subject = subject.withTeam(name(text(variables, MANAGER_ID)));
        }
        if (en.contains("{period}")) {
            String cycleKey = text(variables, CYCLE_KEY);
            Long year = id(variables, PLAN_YEAR);
            subject = subject.withPeriod(cycleKey != null ? SubjectTexts.period(cycleKey)
                    : year == null ? null : SubjectTexts.year(year.intValue()));
        }
        if (en.contains("{number}") && invoiceId != null) {
            subject = subject.withNumber(String.valueOf(invoiceId));
        }
        return subject;
    }

    private String about(Function<String, Object> variables, Opportunity deal) {
        if (deal != null) {
            Account account = accounts.get(deal.accountId());
            return SubjectTexts.deal(account.name(), deal.name(), deal.amount(), deal.currency(), usualCurrency);
        }
        Long leadId = id(variables, LEAD_ID);
        if (leadId != null) {
            Lead lead = leads.get(leadId);
            Account account = accounts.get(lead.accountId());
            return SubjectTexts.deal(account.name(), lead.title(), lead.estimatedAmount(), lead.currency(), usualCurrency);
        }
        Long accountId = id(variables, ACCOUNT_ID);
        return accountId == null ? null : accounts.get(accountId).name();
    }

    /** The stage being worked; for an approval the stage the deal asks to advance to. */
    private Text stage(String taskKey, Opportunity deal) {
        StageModel model = opportunities.modelOf(deal);
        Stage current = model.stage(deal.stageCode());
        Stage stage = current;
        if (TASK_APPROVE_STAGE_ADVANCE.equals(taskKey)) {
            stage = opportunities.lastAdvanceRequest(deal.id())
                    .flatMap(request -> model.find(request.toStage()))
                    .orElseGet(() -> current.isOpen() ? model.next(current.code()) : current);
        }
        return new Text(stage.name("en"), stage.name("zh"));
    }

    private String name(String personId) {
        if (personId == null) {
            return null;
        }
        return organization.findPerson(personId).map(Person::fullName).orElse(personId);
    }

    private static String firstText(Function<String, Object> variables, String... names) {
        for (String name : names) {
            String value = text(variables, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(Function<String, Object> variables, String name) {
        return Optional.ofNullable(variables.apply(name)).map(Object::toString).orElse(null);
    }

    private static Long id(Function<String, Object> variables, String name) {
        Object value = variables.apply(name);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("\\d{1,18}")) {
            return Long.valueOf(s);
        }
        return null;
    }
}
