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

import com.salescadence.common.StartupLock;
import com.salescadence.support.EngineTest;

/**
 * Start-up deployment from a folder on disk (cadence.workflow.models-dir): an unchanged folder deploys
 * nothing new; a changed file deploys the whole folder again, names relative to it, forms included, and
 * the new version's timer start replaces the old one. Own context (and H2 database): it deploys versions.
 */
@EngineTest
@TestPropertySource(properties = {"cadence.test.context=model-deployer",
        // the second of two deployments at once waits for the first's lock on H2 as on PostgreSQL (which waits by default)
        "spring.datasource.url=jdbc:h2:mem:model-deployer-${random.uuid};DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000"})
class ModelDeployerTest {

    @Autowired RepositoryService repositoryService;
    @Autowired ManagementService managementService;
    @Autowired StartupLock startupLock;

    @Test
    void an_unchanged_folder_deploys_nothing_and_a_changed_one_deploys_a_new_version_with_its_forms(@TempDir Path dir) throws IOException {
        copy(Path.of("bpmn"), dir.resolve("bpmn"));
        copy(Path.of("forms"), dir.resolve("forms"));
        ModelDeployer deployer = new ModelDeployer(repositoryService, dir.toString(), startupLock);
        long deployments = count();
        ProcessDefinition before = latest();

        deployer.deploy();   // the same files as the jar's copies, deployed at start-up
        assertThat(count()).as("an unchanged restart deploys nothing new").isEqualTo(deployments);
        assertThat(latest().getId()).isEqualTo(before.getId());

        Path model = dir.resolve("bpmn/weekly-commit.bpmn");
        Files.writeString(model, Files.readString(model).replace("0 0 8 ? * SUN", "0 0 17 ? * FRI"));
        Files.writeString(dir.resolve("forms/a-grid.html"), "<form role=\"form\"><div class=\"cf-grid\"></div></form>");
        deployer.deploy();

        assertThat(count()).isEqualTo(deployments + 1);
        ProcessDefinition after = latest();
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(repositoryService.getDeploymentResourceNames(after.getDeploymentId()))
                .contains("bpmn/weekly-commit.bpmn", "bpmn/weekly-commit-submission.bpmn", "forms/a-grid.html")
                .allMatch(name -> name.startsWith("bpmn/") || name.startsWith("forms/"));
        Job start = managementService.createJobQuery().processDefinitionKey(WeeklyCommitProcess.KEY).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        assertThat(start.getProcessDefinitionId()).isEqualTo(after.getId());
        assertThat(start.getDuedate().toInstant().atZone(ZoneId.of("Asia/Shanghai")).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);

        deployer.deploy();
        assertThat(count()).as("deployed once, not again").isEqualTo(deployments + 1);
    }

    /**
     * Two nodes start at once with a changed model: under the start-up lock (a row lock on the database) one
     * deploys and the other finds that deployment through the duplicate filter and deploys nothing. (Without the
     * lock this deploys twice on H2, where Camunda skips its own deployment lock.)
     */
    @Test
    void two_nodes_starting_at_once_with_a_changed_model_deploy_it_once(@TempDir Path dir) throws Exception {
        copy(Path.of("bpmn"), dir.resolve("bpmn"));
        copy(Path.of("forms"), dir.resolve("forms"));
        Path model = dir.resolve("bpmn/weekly-commit.bpmn");
        Files.writeString(model, Files.readString(model).replace("0 0 8 ? * SUN", "0 0 18 ? * SAT"));
        long deployments = count();
        int before = latest().getVersion();

        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Object>> started = new java.util.ArrayList<>();
            for (int node = 0; node < 2; node++) {
                ModelDeployer deployer = new ModelDeployer(repositoryService, dir.toString(), startupLock);
                started.add(nodes.submit(() -> {
                    go.await();
                    deployer.deploy();
                    return null;
                }));
            }
            go.countDown();
            for (var node : started) {
                node.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(count()).as("one new deployment for two nodes").isEqualTo(deployments + 1);
        assertThat(latest().getVersion()).isEqualTo(before + 1);
        assertThat(managementService.createJobQuery().processDefinitionKey(WeeklyCommitProcess.KEY).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).count()).as("one start timer, not one per node").isEqualTo(1);

        // the shipped models again, for the other test of this context
        new ModelDeployer(repositoryService, "", startupLock).deploy();
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
