package com.salescadence.workflow.admin;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Administrators: the cadence as deployed, and moving running instances to the latest model. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Admin", description = "Cadence models: what is deployed and when it next starts; migration of running instances")
class AdminController {

    private final AdminAccess access;
    private final CadenceModels models;
    private final ProcessMigration migration;

    AdminController(AdminAccess access, CadenceModels models, ProcessMigration migration) {
        this.access = access;
        this.models = models;
        this.migration = migration;
    }

    @GetMapping("/cadence")
    @Operation(summary = "Each cadence process: latest version, deployment, next scheduled start, timers and deadlines; time zone and settings")
    CadenceOverview cadence(Principal principal) {
        access.require(principal);
        return models.overview();
    }

    @PostMapping("/processes/{key}/migrate")
    @Operation(summary = "Migrate the running instances of older versions of a process to its latest version "
            + "(equal activities mapped, timers recomputed); reports what could not be migrated and why")
    MigrationReport migrate(@PathVariable String key, Principal principal) {
        access.require(principal);
        return migration.migrateToLatest(key);
    }
}
