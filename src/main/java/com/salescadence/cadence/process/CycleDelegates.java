package com.salescadence.cadence.process;

import static com.salescadence.workflow.WeeklyCommitProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.salescadence.cadence.Cadence;
import com.salescadence.cadence.Cycle;
import com.salescadence.cadence.CycleKeys;
import com.salescadence.cadence.CycleService;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

/**
 * The weekly cycle's orchestration: open the cycle, start one small process per rep and per manager in
 * batches (each batch its own transaction, so 10,000 reps are 50 short transactions, not one giant one).
 */
@Configuration(proxyBeanMethods = false)
public class CycleDelegates {

    @Bean
    JavaDelegate openWeeklyCycleDelegate(CycleService cycles, Clock clock) {
        return execution -> {
            LocalDateTime start = startOf(execution, clock);
            LocalDate monday = CycleKeys.weekCommittedFrom(start.toLocalDate());
            String key = CycleKeys.weekKey(monday);
            Cycle cycle = cycles.open(Cadence.WEEKLY_COMMIT, key, start, monday, monday.plusDays(6),
                    execution.getProcessInstanceId());
            keep(execution, cycle);
            execution.setVariable(ROLLUP_LEVEL, 1);
        };
    }

    /**
     * When a cadence's cycle starts, the same for every cadence: the instance's {@code cycleStart} when its starter
     * set one (a test, an administrator's manual start), else now, to the minute.
     */
    public static LocalDateTime startOf(DelegateExecution execution, Clock clock) {
        Object given = execution.getVariable(CYCLE_START);
        return given instanceof Date d ? LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault())
                : LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * The opened cycle in its instance, the same for every cadence: the business key is the cycle's key, the
     * instance keeps the cycle's id, key and start (nothing else), and the batches begin at the first.
     */
    public static void keep(DelegateExecution execution, Cycle cycle) {
        execution.setProcessBusinessKey(cycle.cycleKey());
        execution.setVariable(CYCLE_ID, cycle.id());
        execution.setVariable(CYCLE_KEY, cycle.cycleKey());
        execution.setVariable(CYCLE_START, Date.from(cycle.startsAt().atZone(ZoneId.systemDefault()).toInstant()));
        execution.setVariable(BATCH_OFFSET, 0);
    }

    @Bean
    JavaDelegate startCommitSubmissionsDelegate(OrganizationService organization,
                                                @Value("${cadence.weekly-commit.batch-size:200}") int batchSize) {
        return execution -> {
            // only this batch's reps (and one more, to know whether it is the last batch) are read
            startBatch(execution, SUBMISSION_KEY, (offset, limit) -> organization.withRole(Role.REP, offset, limit).stream()
                    .map(Person::id).toList(), batchSize, REP_ID, Map.of());
        };
    }

    @Bean
    JavaDelegate startRollupsDelegate(OrganizationService organization,
                                      @Value("${cadence.weekly-commit.batch-size:200}") int batchSize) {
        return execution -> {
            int level = ((Number) execution.getVariable(ROLLUP_LEVEL)).intValue();
            List<String> managers = organization.managersAtLevel(level).stream().map(Person::id).toList();
            boolean levelDone = startBatch(execution, ROLLUP_KEY, managers, batchSize, MANAGER_ID,
                    Map.of(ROLLUP_LEVEL, level));
            if (levelDone) {
                boolean top = organization.managersAtLevel(level + 1).isEmpty();
                execution.setVariable(TOP_REACHED, top);
                if (!top) {
                    execution.setVariable(ROLLUP_LEVEL, level + 1);
                }
            }
        };
    }

    /** The people to ask, in a stable order: at most {@code limit} of them from {@code offset} on. */
    @FunctionalInterface
    interface People {
        List<String> slice(int offset, int limit);
    }

    public static boolean startBatch(DelegateExecution execution, String processKey,
                              List<String> people, int batchSize, String personVariable, Map<String, Object> extra) {
        return startBatch(execution, processKey, (offset, limit) -> people.subList(Math.min(offset, people.size()),
                Math.min(people.size(), offset + limit)), batchSize, personVariable, extra);
    }

    /**
     * Starts the next batch of per-person instances (business key cycle:person); skips people whose
     * instance exists or existed, so a retried batch or a cycle started twice asks nobody twice (one history
     * query for the whole batch). Returns whether everyone is started.
     */
    static boolean startBatch(DelegateExecution execution, String processKey,
                              People people, int batchSize, String personVariable, Map<String, Object> extra) {
        RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
        HistoryService historyService = execution.getProcessEngineServices().getHistoryService();
        int offset = ((Number) execution.getVariable(BATCH_OFFSET)).intValue();
        String cycleKey = (String) execution.getVariable(CYCLE_KEY);
        List<String> slice = people.slice(offset, batchSize + 1);
        List<String> batch = slice.subList(0, Math.min(batchSize, slice.size()));
        int end = offset + batch.size();
        Set<String> asked = new HashSet<>();
        if (!batch.isEmpty()) {
            historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                    .processInstanceBusinessKeyIn(batch.stream().map(person -> cycleKey + ":" + person).toArray(String[]::new))
                    .list().forEach(instance -> asked.add(instance.getBusinessKey()));
        }
        for (String person : batch) {
            String businessKey = cycleKey + ":" + person;
            if (asked.contains(businessKey)) {
                continue;
            }
            Map<String, Object> variables = new java.util.HashMap<>(extra);
            variables.put(CYCLE_ID, execution.getVariable(CYCLE_ID));
            variables.put(CYCLE_KEY, cycleKey);
            variables.put(CYCLE_START, execution.getVariable(CYCLE_START));
            variables.put(personVariable, person);
            runtimeService.startProcessInstanceByKey(processKey, businessKey, variables);
        }
        boolean all = slice.size() <= batchSize;
        execution.setVariable(BATCH_OFFSET, all ? 0 : end);
        execution.setVariable(ALL_STARTED, all);
        return all;
    }
}
