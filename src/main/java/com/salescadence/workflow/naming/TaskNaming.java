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
        SubjectSource source = subjects.orderedStream().filter(s -> s.covers(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No subject source for task " + key));
        task.setName(TaskNameRules.name(key, source.of(key, task), languageOf(task.getAssignee())));
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
