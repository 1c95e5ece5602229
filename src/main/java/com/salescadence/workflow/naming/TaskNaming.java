package com.salescadence.workflow.naming;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.salescadence.organization.OrganizationService;
import com.salescadence.workflow.EveryUserTask;

/**
 * Names every user task after what it is about, in its assignee's language (the person's language; for a task
 * without an assignee, or one the organisation does not know, {@code cadence.tasks.default-language}): when the
 * task is created, and again when it is claimed or handed to someone else. The Tasklist shows and searches
 * (task name like) this name. A task whose key has no naming keeps the model's name.
 */
@Component
public class TaskNaming extends AbstractProcessEnginePlugin {


    private final org.springframework.beans.factory.ObjectProvider<SubjectSource> subjects;
    private final OrganizationService organization;
    private final Language defaultLanguage;
    /** The subject sources in their order, resolved once (by the first naming): singletons that never change. */
    private volatile java.util.List<SubjectSource> sources;

    TaskNaming(org.springframework.beans.factory.ObjectProvider<SubjectSource> subjects, @Lazy OrganizationService organization,
               @Value("${cadence.tasks.default-language:zh}") String defaultLanguage) {
        this.subjects = subjects;
        this.organization = organization;
        this.defaultLanguage = Language.of(defaultLanguage, Language.ZH);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_CREATE, this::name);
        EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_ASSIGNMENT, this::rename);
    }

    private void name(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        if (!TaskNameRules.names(key)) {
            return;
        }
        SubjectSource source = sources().stream().filter(s -> s.covers(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No subject source for task " + key));
        task.setName(TaskNameRules.name(key, source.of(key, task), languageOf(task.getAssignee())));
    }

    /**
     * {@code subjects.orderedStream()} once: resolving it per task (bean lookup, ordering, annotation parsing) was 4%
     * of the weekly commit fan-out's samples (issue 15 round 6). Not in the constructor: the sources depend on
     * services that need the engine this plugin configures.
     */
    private java.util.List<SubjectSource> sources() {
        java.util.List<SubjectSource> resolved = sources;
        if (resolved == null) {
            resolved = subjects.orderedStream().toList();
            sources = resolved;
        }
        return resolved;
    }

    /** A claim or a hand-over (not the assignment while the task is being created, which the create event names). */
    private void rename(DelegateTask task) {
        if ("Updated".equals(((org.camunda.bpm.engine.impl.persistence.entity.TaskEntity) task).getTaskState())) {
            name(task);
        }
    }

    /** The assignee's language; the default for a task without an assignee or an assignee the organisation lacks. */
    public Language languageOf(String assignee) {
        // one query: empty for no assignee or one the organisation lacks (unknown or left)
        return organization.activeLanguageOf(assignee).map(language -> Language.of(language, defaultLanguage))
                .orElse(defaultLanguage);
    }
}
