package com.salescadence.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.salescadence.common.StartupLock;

/**
 * Deploys the models of bpmn/ and the forms of forms/ (Camunda Forms *.form and embedded forms *.html) as one
 * deployment, named relative to their folder: Camunda Forms are bound with formRefBinding="deployment", embedded
 * forms with camunda:formKey="embedded:deployment:forms/&lt;name&gt;.html", so both travel with the models. Nothing
 * is deployed when nothing changed; any change deploys a new version of everything, which also moves
 * timer start events to the new version. By default the folders come from the classpath (the build
 * copies them); {@code cadence.workflow.models-dir} points at a folder on disk instead. Nodes of a
 * cluster that start at once deploy one after the other under the {@link StartupLock}, so the second finds
 * the first's deployment through the duplicate filter and deploys nothing.
 */
@Component
@Order(10)
public class ModelDeployer implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "sales-cadence";
    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repositoryService;
    private final String modelsDir;
    private final StartupLock startupLock;

    ModelDeployer(RepositoryService repositoryService, @Value("${cadence.workflow.models-dir:}") String modelsDir,
                  StartupLock startupLock) {
        this.repositoryService = repositoryService;
        this.modelsDir = modelsDir;
        this.startupLock = startupLock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        deploy();
    }

    public void deploy() throws IOException {
        String base = modelsDir.isBlank() ? "classpath*:" : "file:" + (modelsDir.endsWith("/") ? modelsDir : modelsDir + "/");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> resources = new ArrayList<>();
        resources.addAll(List.of(resolver.getResources(base + "bpmn/*.bpmn")));
        resources.addAll(List.of(resolver.getResources(base + "forms/*.form")));
        resources.addAll(List.of(resolver.getResources(base + "forms/*.html")));
        if (resources.isEmpty()) {
            throw new IllegalStateException("No models found under " + base + "bpmn/ and " + base + "forms/");
        }
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("sales-cadence-engine")
                .enableDuplicateFiltering(false);
        for (Resource resource : resources) {
            String folder = resource.getFilename().endsWith(".bpmn") ? "bpmn/" : "forms/";
            try (InputStream in = resource.getInputStream()) {
                deployment.addString(folder + resource.getFilename(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        var result = startupLock.call(deployment::deployWithResult);
        log.info("Models: {} resource(s) from {}; {} process definition(s) deployed (0 means unchanged)",
                resources.size(), base, result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size());
    }
}
