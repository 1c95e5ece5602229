package com.salescadence.workflow.naming;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a task is about, read from the product's tables by the ids its process holds. Implemented where those tables
 * live (pipeline.process.TaskSubjects), so the engine plugin that names tasks does not depend on the capabilities.
 */
public interface SubjectSource {

    /** The subject of the task of this key, from its variables; the parts its name template does not use stay null. */
    TaskSubject of(String taskKey, VariableScope variables);

    /**
     * Whether this source knows the task: a capability with tasks of its own (the meetings) names them with a source
     * of higher precedence ({@code @Order}) that covers only its keys; the general source covers every key.
     */
    default boolean covers(String taskKey) {
        return true;
    }
}
