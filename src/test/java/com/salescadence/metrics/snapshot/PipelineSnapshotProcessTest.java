package com.salescadence.metrics.snapshot;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.ProcessDriver;

/** bpmn/pipeline-snapshot.bpmn: the Sunday 07:00 timer starts it and the async step snapshots the whole pipeline. */
@CadenceIntegrationTest
class PipelineSnapshotProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void the_sunday_7_o_clock_timer_takes_a_weekly_snapshot_of_the_whole_pipeline() {
        init(engine);
        var management = engine.getManagementService();
        Job timer = management.createJobQuery().processDefinitionKey("pipeline-snapshot").timers().singleResult();
        Assertions.assertThat(timer).as("the deployed start timer").isNotNull();
        LocalDateTime due = ProcessDriver.toLocal(timer.getDuedate());
        Assertions.assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        Assertions.assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(7, 0));
        long before = jdbc.sql("select count(*) from pipeline_snapshot where kind = 'WEEKLY'").query(Long.class).single();

        ProcessDriver.setClock(due.plusMinutes(1));
        management.executeJob(timer.getId());
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("pipeline-snapshot")
                .singleResult();
        assertThat(instance).isWaitingAt("Service_TakePipelineSnapshot");
        Job step = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        management.executeJob(step.getId());

        assertThat(instance).isEnded();
        Assertions.assertThat(jdbc.sql("select count(*) from pipeline_snapshot where kind = 'WEEKLY' and person_id is null")
                .query(Long.class).single()).isEqualTo(before + 1);
        Job next = management.createJobQuery().processDefinitionKey("pipeline-snapshot").timers().singleResult();
        Assertions.assertThat(ProcessDriver.toLocal(next.getDuedate())).isEqualTo(due.plusWeeks(1));
    }
}
