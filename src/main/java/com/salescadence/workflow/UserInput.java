package com.salescadence.workflow;

import java.util.function.Supplier;

import org.camunda.bpm.engine.BadUserRequestException;

import com.salescadence.common.ValidationException;

/**
 * Runs process glue that handles what a person submitted. A refusal becomes Camunda's
 * BadUserRequestException: the task stays open, the transaction rolls back (nothing is stored), the
 * Tasklist shows the message and the engine's REST API answers 400 (web.EngineRestErrors).
 */
public final class UserInput {

    private UserInput() {
    }

    public static <T> T handle(Supplier<T> work) {
        try {
            return work.get();
        } catch (ValidationException e) {
            throw new BadUserRequestException(e.getMessage(), e);
        }
    }

    public static void handle(Runnable work) {
        handle(() -> {
            work.run();
            return null;
        });
    }
}
