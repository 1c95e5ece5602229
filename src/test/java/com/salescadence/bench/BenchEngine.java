package com.salescadence.bench;

import static com.salescadence.workflow.WeeklyCommitProcess.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;
import org.camunda.spin.Spin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.salescadence.organization.Role;

/**
 * What the benchmarks do to the engine the same way for product and baseline: execute the due jobs with their own
 * threads, the bare batch orchestrator and its one-task instances, and a rep's weekly commit as the API submits it.
 */
final class BenchEngine {

    private BenchEngine() {
    }

    /** Executes due active jobs with {@code threads} threads (as the job executor would) until none is due; returns how many ran. */
    static int runJobs(ProcessEngine engine, int threads) throws Exception {
        ManagementService management = engine.getManagementService();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int count = 0;
        try {
            while (true) {
                List<Job> due = management.createJobQuery().executable().active().listPage(0, 100);
                if (due.isEmpty()) {
                    return count;
                }
                List<Future<?>> running = new ArrayList<>();
                for (Job job : due) {
                    running.add(pool.submit(() -> management.executeJob(job.getId())));
                }
                for (Future<?> f : running) {
                    f.get();
                    count++;
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Threads of the untimed set-up (organization, pipeline, the storm's Sunday): {@code bench.setup.threads}, 2. */
    static final int SETUP_THREADS = Integer.getInteger("bench.setup.threads", 2);

    /**
     * Untimed set-up: {@code action} for every item, {@code perTransaction} items in one transaction (1: each in its
     * own, as an API call would), the transactions spread over {@code threads} threads; returns when all are done and
     * rethrows the first failure.
     */
    static <T> void inTransactions(PlatformTransactionManager transactions, List<T> items, int perTransaction, int threads,
                                   Consumer<T> action) throws Exception {
        TransactionTemplate template = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < items.size(); i += perTransaction) {
                List<T> chunk = items.subList(i, Math.min(items.size(), i + perTransaction));
                running.add(pool.submit(() -> template.executeWithoutResult(tx -> chunk.forEach(action))));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A bare orchestrator with the product's batch loop: (optionally a timer, then) an asyncBefore service task that
     * starts the next batch of bare instances, until {@code allStarted}.
     */
    /** The orchestrator's variable naming the bare per-rep process its batches start (optional). */
    static final String TASK_PROCESS = "benchTaskKey";

    static BpmnModelInstance orchestrator(String key, String delegateExpression, String timeDate) {
        StartEventBuilder start = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent("Start_Bare");
        var batch = timeDate == null
                ? start.serviceTask("Service_StartBatch")
                : start.intermediateCatchEvent("Timer_BareDue").timerWithDate(timeDate).serviceTask("Service_StartBatch");
        return batch.camundaAsyncBefore().camundaDelegateExpression(delegateExpression)
                .exclusiveGateway("Gateway_AllStarted")
                .condition("all started", "${allStarted}").endEvent("End_Bare")
                .moveToLastGateway().condition("more", "${!allStarted}").connectTo("Service_StartBatch")
                .done();
    }

    /** A bare instance: one user task assigned to {@code repId}, no listeners. */
    static BpmnModelInstance oneTask(String key, String taskId) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent("Start_" + taskId).userTask(taskId).camundaAssignee("${repId}").endEvent("End_" + taskId).done();
    }

    /**
     * The orchestrator's batch: starts the next {@code batch} instances of {@code processKey} (or of the process the
     * orchestrator's variable {@link #TASK_PROCESS} names, when it is set), one per id that {@code idsSql} lists (as
     * repId), nothing else.
     */
    static JavaDelegate batchStarter(JdbcClient jdbc, String idsSql, String processKey, int batch) {
        return execution -> {
            String process = execution.hasVariable(TASK_PROCESS) ? (String) execution.getVariable(TASK_PROCESS) : processKey;
            List<String> ids = jdbc.sql(idsSql).query(String.class).list();
            int offset = ((Number) execution.getVariable(BATCH_OFFSET)).intValue();
            int end = Math.min(ids.size(), offset + batch);
            for (String id : ids.subList(offset, end)) {
                execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(process,
                        process + ":" + id, Map.of(REP_ID, id, CYCLE_KEY, "bare", CYCLE_START, execution.getVariable(CYCLE_START)));
            }
            execution.setVariable(BATCH_OFFSET, end);
            execution.setVariable(ALL_STARTED, end >= ids.size());
        };
    }

    /** What the commit API and form do: the rep, authenticated, completes the task with commitItems and projectTracking. */
    static void completeAs(ProcessEngine engine, String rep, String taskId, List<Long> deals) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("opportunityId", deals.get(i));
            row.put("category", i < 3 ? "commit" : "upside");
            for (String check : List.of("configurationFinal", "endUserContractSigned", "partnerContractsSigned", "discountApproved", "partnerReadyToOrder")) {
                row.put(check, i < 3);
            }
            items.add(row);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(F_COMMIT_ITEMS, Spin.JSON(items));
        variables.put(F_PROJECT_TRACKING, "On track");
        engine.getIdentityService().setAuthentication(rep, List.of(Role.REP.groupId()));
        try {
            engine.getTaskService().complete(taskId, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Task id by assignee, of the open tasks of one definition key. */
    static Map<String, String> tasksByAssignee(ProcessEngine engine, String definitionKey) {
        Map<String, String> byAssignee = new HashMap<>();
        engine.getTaskService().createTaskQuery().taskDefinitionKey(definitionKey).list()
                .forEach(task -> byAssignee.put(task.getAssignee(), task.getId()));
        return byAssignee;
    }

    /** CPU seconds of this JVM, all threads (GC and JIT too; an embedded H2's work, not PostgreSQL's): not stretched by load. */
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("benchmark did not do its work: " + what);
        }
    }
}
