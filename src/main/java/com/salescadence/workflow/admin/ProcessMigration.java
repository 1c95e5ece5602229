package com.salescadence.workflow.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationVariableValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import com.salescadence.common.NotFoundException;

/**
 * Moves the running instances of older versions of a process to its latest version, with a plan built
 * by Camunda's migration API: equal activities (same id) are mapped, and timers and other event triggers
 * are recomputed from the new model. A plan is validated before anything moves; each instance is
 * migrated in its own transaction, so one the engine refuses (e.g. waiting in an activity the new
 * version no longer has) is reported and the others move.
 */
@Service
public class ProcessMigration {

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    ProcessMigration(RepositoryService repositoryService, RuntimeService runtimeService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    public MigrationReport migrateToLatest(String processKey) {
        ProcessDefinition target = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        if (target == null) {
            throw new NotFoundException("No process with key '" + processKey + "' is deployed.");
        }
        List<ProcessDefinition> older = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).list().stream()
                .filter(d -> d.getVersion() < target.getVersion())
                .sorted(Comparator.comparingInt(ProcessDefinition::getVersion)).toList();
        List<MigrationReport.FromVersion> versions = new ArrayList<>();
        for (ProcessDefinition source : older) {
            List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
                    .processDefinitionId(source.getId()).list();
            if (!running.isEmpty()) {
                versions.add(migrate(source, target, running));
            }
        }
        int migrated = versions.stream().mapToInt(MigrationReport.FromVersion::migrated).sum();
        int running = versions.stream().mapToInt(MigrationReport.FromVersion::running).sum();
        return new MigrationReport(processKey, target.getVersion(), target.getId(), migrated, running - migrated, versions);
    }

    private MigrationReport.FromVersion migrate(ProcessDefinition source, ProcessDefinition target, List<ProcessInstance> running) {
        MigrationPlan plan;
        try {
            plan = runtimeService.createMigrationPlan(source.getId(), target.getId())
                    .mapEqualActivities().updateEventTriggers().build();
        } catch (MigrationPlanValidationException e) {
            return new MigrationReport.FromVersion(source.getVersion(), source.getId(), running.size(), 0, problems(e), List.of());
        }
        int migrated = 0;
        List<MigrationReport.Refused> refused = new ArrayList<>();
        for (ProcessInstance instance : running) {
            try {
                runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
                migrated++;
            } catch (ProcessEngineException e) {
                refused.add(new MigrationReport.Refused(instance.getId(), instance.getBusinessKey(), e.getMessage()));
            }
        }
        return new MigrationReport.FromVersion(source.getVersion(), source.getId(), running.size(), migrated, List.of(), refused);
    }

    private static List<String> problems(MigrationPlanValidationException e) {
        List<String> problems = new ArrayList<>();
        for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
            String from = String.join(",", report.getMigrationInstruction().getSourceActivityId());
            String to = String.join(",", report.getMigrationInstruction().getTargetActivityId());
            report.getFailures().forEach(f -> problems.add(from + " -> " + to + ": " + f));
        }
        for (MigrationVariableValidationReport report : e.getValidationReport().getVariableReports().values()) {
            report.getFailures().forEach(f -> problems.add("variable: " + f));
        }
        if (problems.isEmpty()) {
            problems.add(e.getMessage());
        }
        return problems;
    }
}
