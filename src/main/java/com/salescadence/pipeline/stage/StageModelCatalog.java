package com.salescadence.pipeline.stage;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The stage models shipped in resources/stage-models, and the one the setting
 * {@code cadence.pipeline.stage-model} selects. A broken model stops the start-up with its problems.
 */
@Component
public class StageModelCatalog {

    private final Map<String, StageModel> models = new LinkedHashMap<>();
    private final StageModel active;

    /** @param activeModel the id of the stage model in force (cadence.pipeline.stage-model, see pipeline.PipelineProperties) */
    public StageModelCatalog(@Value("${cadence.pipeline.stage-model:ibm}") String activeModel) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:stage-models/*.yml")) {
            try (InputStream in = resource.getInputStream()) {
                StageModel model = yaml.readValue(in, StageModel.class);
                models.put(model.id(), model);
            }
        }
        active = models.get(activeModel);
        if (active == null) {
            throw new IllegalStateException("cadence.pipeline.stage-model='" + activeModel
                    + "' is not one of " + models.keySet());
        }
    }

    /** The stage model in force. */
    public StageModel active() {
        return active;
    }

    public StageModel model(String id) {
        StageModel model = models.get(id);
        if (model == null) {
            throw new IllegalArgumentException("No stage model '" + id + "'");
        }
        return model;
    }

    public List<StageModel> all() {
        return List.copyOf(models.values());
    }
}
