package com.salescadence.workflow;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the text of submitted forms out of the engine's history. A form submission (the Tasklist's "Complete",
 * POST /task/{id}/submit-form) makes the engine write every submitted value as a form property event
 * (ACT_HI_DETAIL, 4,000 characters at most), also a transient one: the weekly commit grid's decisions for 25 deals
 * (4,700 characters) failed with a persistence error, and smaller ones were kept in history though the process
 * never stored them. The product keeps what a person decided in its own tables; the engine's history keeps ids
 * and the process's own variables. This filter drops the form property events and passes every other event on.
 */
@Component
public class FormHistoryFilter extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filtered(configuration.getHistoryEventHandler()));
    }

    static final class Filtered implements HistoryEventHandler {

        private final HistoryEventHandler delegate;

        Filtered(HistoryEventHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricFormPropertyEventEntity)) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
