package com.salescadence.metrics.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Clock;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.common.ValidationException;
import com.salescadence.metrics.MetricsAccess;
import com.salescadence.metrics.snapshot.SnapshotKind;
import com.salescadence.metrics.snapshot.SnapshotService;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Pipeline snapshots (weekly, at each commit submission, by hand) and what changed between two of them. */
@RestController
@RequestMapping("/api/snapshots")
@Tag(name = "Pipeline snapshots", description = "Frozen copies of the open pipeline and the waterfall of what changed")
class SnapshotController {

    private final SnapshotService snapshots;
    private final MetricsAccess access;
    private final OrganizationService organization;
    private final Clock clock;

    SnapshotController(SnapshotService snapshots, MetricsAccess access, OrganizationService organization, Clock clock) {
        this.snapshots = snapshots;
        this.access = access;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Snapshots holding the person's whole branch, newest first: openCount / openAmount over ALL its open deals "
            + "then; openCountThisQuarter / openAmountThisQuarter over those closing by quarterEnd (the last day of the snapshot's "
            + "quarter), the scope /changes compares by default")
    List<SnapshotService.SnapshotRow> list(@RequestParam(required = false) String person, @RequestParam(defaultValue = "20") int limit,
                                           Principal principal) {
        return snapshots.list(access.resolve(principal.getName(), person).id(), limit);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Manager or admin: snapshot the caller's visible pipeline now (a manager's branch, the whole company for an admin)")
    SnapshotService.SnapshotRow take(Principal principal) {
        Person caller = organization.person(principal.getName());
        if (caller.role() != Role.MANAGER && caller.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only managers and admins take snapshots by hand.");
        }
        long id = snapshots.take(SnapshotKind.MANUAL, null, caller.role() == Role.ADMIN ? null : caller.id(), caller.id(),
                LocalDateTime.now(clock));
        return snapshots.get(id, caller.id());
    }

    @GetMapping("/changes")
    @Operation(summary = "What changed in the person's open pipeline closing by 'until' (default: the end of the quarter) from "
            + "snapshot 'from' (omitted: the week's baseline, the newest weekly snapshot; one taken by hand or at a submission "
            + "is never the default) to snapshot 'to' (omitted: the live pipeline): the waterfall and the changed deals")
    SnapshotService.Changes changes(@RequestParam(required = false) String person, @RequestParam(required = false) Long from,
                                    @RequestParam(required = false) Long to,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                                    @RequestParam(defaultValue = "200") int limit, Principal principal) {
        String personId = access.resolve(principal.getName(), person).id();
        if (from == null && to == null) {
            return snapshots.changesThisWeek(personId, until, limit);
        }
        if (from == null) {
            throw new ValidationException("给出 to 时也必须给出 from。 / from is required when to is given.");
        }
        return snapshots.changes(personId, from, to, until, limit);
    }
}
