package com.salescadence.workflow;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who submitted the task being recorded: the person signed in to the Tasklist or the REST API (the
 * engine runs the recording service task in the same command that completes the task).
 */
public final class TaskActor {

    public static final String SYSTEM = "system";

    private TaskActor() {
    }

    public static String current() {
        Authentication authentication = Context.getCommandContext() == null ? null
                : Context.getCommandContext().getAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
    }
}
