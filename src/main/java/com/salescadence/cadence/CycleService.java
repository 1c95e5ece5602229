package com.salescadence.cadence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.NotFoundException;

/** Cycles of every cadence; opening one twice (a retried job, a second node) returns the first. */
@Service
@Transactional
public class CycleService {

    private final CycleRepository cycles;

    CycleService(CycleRepository cycles) {
        this.cycles = cycles;
    }

    public Cycle open(Cadence cadence, String key, LocalDateTime startsAt, LocalDate from, LocalDate to, String processInstanceId) {
        return cycles.find(cadence, key).orElseGet(() -> {
            try {
                return get(cycles.insert(cadence, key, startsAt, from, to, processInstanceId));
            } catch (DuplicateKeyException e) {
                return cycles.find(cadence, key).orElseThrow();
            }
        });
    }

    @Transactional(readOnly = true)
    public Cycle get(long id) {
        return cycles.find(id).orElseThrow(() -> new NotFoundException("No cycle " + id + "."));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Cycle> find(Cadence cadence, String key) {
        return cycles.find(cadence, key);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Cycle> previous(Cycle cycle) {
        return cycles.previous(cycle.cadence(), cycle.periodStart());
    }

    @Transactional(readOnly = true)
    public List<Cycle> recent(Cadence cadence, int limit) {
        return cycles.recent(cadence, Math.max(1, Math.min(limit, 200)));
    }

    static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock);
    }
}
