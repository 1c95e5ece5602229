package com.salescadence.workflow.admin;

import java.util.List;

/**
 * What a migration of a process key to its latest version did, per older version: how many running
 * instances moved, the plan's validation problems (then nothing of that version moved), and the
 * instances the engine refused to migrate, with its reason.
 */
public record MigrationReport(String processKey, int targetVersion, String targetDefinitionId, int migrated,
                              int notMigrated, List<FromVersion> versions) {

    public record FromVersion(int version, String definitionId, int running, int migrated,
                              List<String> planProblems, List<Refused> refused) {
    }

    public record Refused(String processInstanceId, String businessKey, String reason) {
    }
}
