package com.salescadence.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.salescadence.support.EngineTest;

/**
 * Start-up deployment from a folder on disk (cadence.workflow.models-dir): an unchanged folder deploys
 * nothing new; a changed file deploys the whole folder again, names relative to it, forms included, and
 * the new version's timer start replaces the old one. Own context (and H2 database): it deploys versions.
 */
@EngineTest
@TestPropertySource(properties = "cadence.test.context=model-deployer")
class ModelDeployerTest {

    @Autowired RepositoryService repositoryService;
    @Autowired ManagementService managementService;

    @Test
    void an_unchanged_folder_deploys_nothing_and_a_changed_one_deploys_a_new_version_with_its_forms(@TempDir Path dir) throws IOException {
        copy(Path.of("bpmn"), dir.resolve("bpmn"));
        copy(Path.of("forms"), dir.resolve("forms"));
        ModelDeployer deployer = new ModelDeployer(repositoryService, dir.toString());
        long deployments = count();
        ProcessDefinition before = latest();

        deployer.deploy();   // the same files as the jar's copies, deployed at start-up
        assertThat(count()).as("an unchanged restart deploys nothing new").isEqualTo(deployments);
        assertThat(latest().getId()).isEqualTo(before.getId());

        Path model = dir.resolve("bpmn/weekly-commit.bpmn");
        Files.writeString(model, Files.readString(model).replace("0 0 8 ? * SUN", "0 0 17 ? * FRI"));
        deployer.deploy();

        assertThat(count()).isEqualTo(deployments + 1);
        ProcessDefinition after = latest();
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(repositoryService.getDeploymentResourceNames(after.getDeploymentId()))
                .contains("bpmn/weekly-commit.bpmn", "bpmn/weekly-commit-submission.bpmn", "forms/submit-weekly-commit.form")
                .allMatch(name -> name.startsWith("bpmn/") || name.startsWith("forms/"));
        Job start = managementService.createJobQuery().processDefinitionKey(WeeklyCommitProcess.KEY).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        assertThat(start.getProcessDefinitionId()).isEqualTo(after.getId());
        assertThat(start.getDuedate().toInstant().atZone(ZoneId.of("Asia/Shanghai")).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);

        deployer.deploy();
        assertThat(count()).as("deployed once, not again").isEqualTo(deployments + 1);
    }

    private long count() {
        return repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).count();
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(WeeklyCommitProcess.KEY).latestVersion().singleResult();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
