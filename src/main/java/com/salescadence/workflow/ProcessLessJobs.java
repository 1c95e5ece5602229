package com.salescadence.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.management.UpdateJobSuspensionStateBuilderImpl;
import org.camunda.bpm.engine.management.UpdateJobSuspensionStateSelectBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Jobs that belong to no process (the engine's history cleanup, batch jobs) are the administrators' alone. Camunda
 * checks a job's permissions through its process definition, so for these it checked nothing: any user could
 * suspend, run, reschedule, retry or delete the history cleanup (engine REST /job/{id}/...). The engine's tenant
 * checker is replaced by one that also requires the camunda-admin group for changing such a job (run, retries, due
 * date, priority, delete), and the ManagementService checks the same before suspending or activating one by id (the
 * engine checks suspension through the process instance only). The engine's own work (the job executor, start-up)
 * runs without an authenticated user and is not affected.
 */
@Component
public class ProcessLessJobs extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setManagementService(new ManagementServiceImpl(configuration) {
            @Override
            public UpdateJobSuspensionStateSelectBuilder updateJobSuspensionState() {
                return new CheckedSuspension(commandExecutor);
            }

            /** Checked before the engine runs it: a refusal inside its command would count as a failure of the job and
             * use up its retries. */
            @Override
            public void executeJob(String jobId) {
                check(commandExecutor, jobId);
                super.executeJob(jobId);
            }
        });
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandChecker> checkers = new ArrayList<>();
        for (CommandChecker checker : configuration.getCommandCheckers()) {
            checkers.add(checker.getClass() == TenantCommandChecker.class ? new Checker() : checker);
        }
        configuration.setCommandCheckers(checkers);
    }

    /** Camunda's tenant checks, plus: changing a job of no process needs an administrator. */
    static final class Checker extends TenantCommandChecker {

        @Override
        public void checkUpdateJob(JobEntity job) {
            super.checkUpdateJob(job);
            requireAdministratorFor(job);
        }

        @Override
        public void checkUpdateRetriesJob(JobEntity job) {
            super.checkUpdateRetriesJob(job);
            requireAdministratorFor(job);
        }

    }

    static void requireAdministratorFor(JobEntity job) {
        if (job != null && job.getProcessDefinitionKey() == null && job.getProcessInstanceId() == null) {
            Context.getCommandContext().getAuthorizationManager().checkCamundaAdmin();
        }
    }

    private static void check(CommandExecutor executor, String jobId) {
        if (jobId != null) {
            executor.execute(context -> {
                requireAdministratorFor(context.getJobManager().findJobById(jobId));
                return null;
            });
        }
    }

    /** Suspends or activates as the engine does, after the administrator check for a job of no process. */
    private static final class CheckedSuspension extends UpdateJobSuspensionStateBuilderImpl {

        private final CommandExecutor executor;

        CheckedSuspension(CommandExecutor executor) {
            super(executor);
            this.executor = executor;
        }

        @Override
        public void suspend() {
            check();
            super.suspend();
        }

        @Override
        public void activate() {
            check();
            super.activate();
        }

        private void check() {
            ProcessLessJobs.check(executor, getJobId());
        }
    }
}
