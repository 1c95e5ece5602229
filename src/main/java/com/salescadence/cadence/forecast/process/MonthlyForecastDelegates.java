package com.salescadence.cadence.forecast.process;

import static com.salescadence.workflow.MonthlyForecastProcess.*;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.process.CycleDelegates;
import com.salescadence.cadence.process.MissingReport;
import com.salescadence.cadence.process.ProcessValues;
import com.salescadence.cadence.process.ReportReminder;
import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.CadenceMail;
import com.salescadence.cadence.ComplianceService;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleService;
import com.salescadence.cadence.ReportType;
import com.salescadence.cadence.Submission;
import com.salescadence.cadence.forecast.ForecastReviewService;
import com.salescadence.cadence.forecast.MonthlyForecastService;
import com.salescadence.cadence.forecast.MonthlyForecastSettings;
import com.salescadence.notification.NotificationKind;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.workflow.FormInput;
import com.salescadence.workflow.UserInput;

/**
 * The glue of the monthly forecast (bpmn/monthly-forecast*.bpmn): open the month's cycle, ask every rep
 * and then every first-line manager in batches, prefill and record the forecast, remind, record the
 * miss, escalate further, chase, and run the review.
 */
@Configuration(proxyBeanMethods = false)
class MonthlyForecastDelegates {

    private static final String REASON_MISSED = "Monthly forecast not submitted by the deadline";
    private static final String REASON_STILL_MISSING = "Monthly forecast still missing after the second deadline";

    @Bean
    JavaDelegate openMonthlyCycleDelegate(CycleService cycles, Clock clock) {
        return execution -> {
            LocalDateTime start = CycleDelegates.startOf(execution, clock);
            YearMonth month = YearMonth.from(start);
            Cycle cycle = cycles.open(Cadence.MONTHLY_FORECAST, month.toString(), start, month.atDay(1), month.atEndOfMonth(),
                    execution.getProcessInstanceId());
            CycleDelegates.keep(execution, cycle);
        };
    }

    @Bean
    JavaDelegate startForecastSubmissionsDelegate(OrganizationService organization, MonthlyForecastSettings settings) {
        return execution -> {
            List<String> reps = organization.withRole(Role.REP).stream().map(Person::id).toList();
            CycleDelegates.startBatch(execution, SUBMISSION_KEY, reps, settings.batchSize(), REP_ID, Map.of());
        };
    }

    @Bean
    JavaDelegate startForecastReviewsDelegate(OrganizationService organization, MonthlyForecastSettings settings) {
        return execution -> {
            List<String> managers = organization.managersAtLevel(1).stream().map(Person::id).toList();
            CycleDelegates.startBatch(execution, REVIEW_KEY, managers, settings.batchSize(), MANAGER_ID, Map.of());
        };
    }

    /**
     * When the task is created: the forecast is owed by the task's due date. Nothing else goes into the instance: the
     * grid (forms/submit-monthly-forecast.html) reads the months from /api/cadence/monthly-forecast/tasks/{taskId}.
     */
    @Bean
    TaskListener forecastFormListener(ComplianceService compliance) {
        return ProcessValues.oweReport(compliance, REP_ID, ReportType.FORECAST);
    }

    /**
     * Records the forecast: {@code months} [{month, amount}] and {@code actionPlan}, as the grid and the API post them
     * (transient: the instance never stores them). A refusal rolls the completion back: 400 with every problem at its
     * month, nothing stored, the task open with the rep's input in the form.
     */
    @Bean
    JavaDelegate recordMonthlyForecastDelegate(MonthlyForecastService forecasts) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            forecasts.submit(ProcessValues.id(execution.getVariable(SUBMISSION_ID)), form.objects(F_MONTHS), form.text(F_ACTION_PLAN));
            form.clear();
        });
    }

    @Bean
    JavaDelegate forecastReminderDelegate(ReportReminder reminder) {
        return reminder.forTask("forecast.reminder", TASK_SUBMIT_MONTHLY_FORECAST);
    }

    /** The deadline passed: recorded as missing, the manager told (and one level up on a second miss in a row). */
    @Bean
    JavaDelegate recordMissingForecastDelegate(MissingReport missing) {
        return missing.recordFor(Cadence.MONTHLY_FORECAST, REASON_MISSED, "forecast");
    }

    /** The second deadline passed and the forecast is still missing: one level further up, once, with a mail. */
    @Bean
    JavaDelegate escalateMissingForecastDelegate(MonthlyForecastService forecasts, ComplianceService compliance, CadenceMail mail) {
        return execution -> {
            long submissionId = ProcessValues.id(execution.getVariable(SUBMISSION_ID));
            forecasts.escalateFurther(submissionId, REASON_STILL_MISSING).ifPresent(to -> {
                Submission submission = compliance.get(submissionId);
                mail.send(to, NotificationKind.REPORT_ESCALATED, "forecast.overdue", (String) execution.getVariable(CYCLE_KEY),
                        submission.dueAt(), null, mail.name(submission.personId()), mail.name(to));
            });
        };
    }

    @Bean
    TaskListener forecastChaseListener(MissingReport missing) {
        return missing.chaseBrief(submission -> new MissingReport.ChaseWords("未提交月度预测",
                "has not submitted the monthly forecast", "每个人都必须提交，没有例外。预测提交后，本任务会自动关闭。",
                "100% submission, no exceptions. When the forecast is submitted, this task closes by itself."));
    }

    /**
     * When the review task is created: the review is owed by its due date and the manager is told. Nothing else goes
     * into the instance: the form (forms/review-monthly-forecast.html) reads the team's checks from
     * /api/cadence/monthly-forecast/review-tasks/{taskId}.
     */
    @Bean
    TaskListener forecastReviewListener(ComplianceService compliance, CadenceMail mail) {
        return task -> {
            long cycleId = ProcessValues.id(task.getVariable(CYCLE_ID));
            String manager = (String) task.getVariable(MANAGER_ID);
            Submission submission = compliance.owe(cycleId, manager, ReportType.FORECAST_REVIEW, ProcessValues.toLocal(task));
            task.setVariable(SUBMISSION_ID, submission.id());
            mail.send(manager, NotificationKind.CALL_READY, "forecast.review.ready", (String) task.getVariable(CYCLE_KEY), null,
                    task.getId(), mail.name(manager));
        };
    }

    /** The review's deadline passed: recorded as missing, the manager above told (and one level further on a second miss in a row). */
    @Bean
    JavaDelegate recordMissingForecastReviewDelegate(MissingReport missing) {
        return missing.recordManagersFor(Cadence.MONTHLY_FORECAST, "Forecast review not recorded by the deadline", "forecast.review.missing", false);
    }

    @Bean
    JavaDelegate recordForecastReviewDelegate(ForecastReviewService reviews) {
        return execution -> UserInput.handle(() -> {
            FormInput form = FormInput.of(execution);
            reviews.submit(ProcessValues.id(execution.getVariable(SUBMISSION_ID)), form.text(F_REVIEW_NOTES));
            form.clear();
        });
    }
}
