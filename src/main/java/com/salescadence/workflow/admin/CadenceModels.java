package com.salescadence.workflow.admin;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import com.salescadence.common.TimeZoneSetting;
import com.salescadence.workflow.LeadToCashProcess;

/** Reads the cadence as the engine has it: latest versions, timer-start jobs, the timers of the models. */
@Service
public class CadenceModels {

    /** Settings read by the models' delegates and expressions, with the defaults the code applies. */
    static final Map<String, String> SETTINGS = Map.of(
            "cadence.weekly-commit.batch-size", "200",
            "cadence.workflow.models-dir", "");

    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final List<CadenceSettings> capabilitySettings;
    private final Environment environment;
    private final ZoneId zone;

    CadenceModels(RepositoryService repositoryService, ManagementService managementService, List<CadenceSettings> capabilitySettings,
                  Environment environment, @Value("${" + TimeZoneSetting.PROPERTY + ":" + TimeZoneSetting.DEFAULT_ZONE + "}") String zone) {
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        this.capabilitySettings = capabilitySettings;
        this.environment = environment;
        this.zone = ZoneId.of(zone);
    }

    public CadenceOverview overview() {
        List<CadenceOverview.Process> processes = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(d -> !LeadToCashProcess.KEY.equals(d.getKey()))
                .sorted(Comparator.comparing(ProcessDefinition::getKey))
                .map(this::process).toList();
        return new CadenceOverview(zone.getId(), processes, settings());
    }

    private CadenceOverview.Process process(ProcessDefinition definition) {
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        List<CadenceOverview.Timer> timers = new ArrayList<>();
        String startCron = null;
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            ModelElementInstance event = timer.getParentElement();
            String id = event instanceof BaseElement b ? b.getId() : null;
            String name = event instanceof FlowElement f ? f.getName() : null;
            String type = timer.getTimeCycle() != null ? "timeCycle" : timer.getTimeDuration() != null ? "timeDuration" : "timeDate";
            var expression = timer.getTimeCycle() != null ? timer.getTimeCycle()
                    : timer.getTimeDuration() != null ? timer.getTimeDuration() : timer.getTimeDate();
            String text = expression == null ? null : expression.getTextContent().trim();
            timers.add(new CadenceOverview.Timer(id, name, type, text));
            if (event instanceof StartEvent && "timeCycle".equals(type)) {
                startCron = text;
            }
        }
        List<CadenceOverview.Deadline> deadlines = model.getModelElementsByType(UserTask.class).stream()
                .filter(t -> t.getCamundaDueDate() != null)
                .map(t -> new CadenceOverview.Deadline(t.getId(), t.getName(), t.getCamundaDueDate())).toList();
        ZonedDateTime next = nextStart(definition);
        return new CadenceOverview.Process(definition.getKey(), definition.getName(), definition.getVersion(), definition.getId(),
                definition.getDeploymentId(), deployment == null ? null : deployment.getName(),
                deployment == null ? null : inZone(deployment.getDeploymentTime()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                startCron, next == null ? null : next.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                next == null ? null : text(next), timers, deadlines);
    }

    /** The earliest timer-start job of the definition (a job without a process instance). */
    ZonedDateTime nextStart(ProcessDefinition definition) {
        return managementService.createJobQuery().processDefinitionId(definition.getId()).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null)
                .map(Job::getDuedate).filter(Objects::nonNull).min(Date::compareTo)
                .map(this::inZone).orElse(null);
    }

    private ZonedDateTime inZone(Date date) {
        return date.toInstant().atZone(zone);
    }

    private String text(ZonedDateTime time) {
        return time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " (" + zone.getId() + ")";
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(TimeZoneSetting.PROPERTY, zone.getId());
        SETTINGS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> settings.put(e.getKey(), environment.getProperty(e.getKey(), e.getValue())));
        capabilitySettings.forEach(capability -> settings.putAll(capability.cadenceSettings()));
        return settings;
    }
}
