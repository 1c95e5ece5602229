package com.salescadence.metrics.snapshot;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** bpmn/pipeline-snapshot.bpmn: snapshots the whole company's open pipeline; sets snapshotId. */
@Component("pipelineSnapshotDelegate")
class PipelineSnapshotDelegate implements JavaDelegate {

    static final String SNAPSHOT_ID = "snapshotId";

    private final SnapshotService snapshots;

    PipelineSnapshotDelegate(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(SNAPSHOT_ID, snapshots.takeWeekly());
    }
}
