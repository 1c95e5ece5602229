package com.salescadence.cadence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.pipeline.PipelineFigures;

/**
 * The reps' reliability in a Monday call (issue 16, item 4; rules in {@link RepReliabilityRules}): for each rep, the
 * weeks of the {@link ReliabilitySettings#weeks} completed weekly cycles before the call's, each the rep's reported
 * commit of that cycle against what the rep booked in the cycle's week (the call's own "last week actual / commit"),
 * and this week's reported commit to suggest from. Read set-based: one statement for the commits, one for the bookings
 * (per 1,000 reps), whatever the size of the team.
 */
@Service
@Transactional(readOnly = true)
public class RepReliabilityService {

    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final PipelineFigures figures;
    private final ReliabilitySettings settings;

    RepReliabilityService(JdbcClient jdbc, PipelineFigures figures, ReliabilitySettings settings) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.settings = settings;
    }

    /** Each rep's reliability for the call of the weekly cycle starting {@code week} (its Monday), in the reps' order. */
    public List<RepReliability> forCall(LocalDate week, List<String> reps) {
        LocalDate from = week.minusWeeks(settings.weeks());
        Map<String, Map<LocalDate, BigDecimal>> commits = commits(reps, from, week.plusDays(1));
        Map<String, Map<LocalDate, BigDecimal>> booked = figures.bookedByOwnerAndDay(reps, from, week);
        List<RepReliability> result = new ArrayList<>();
        for (String rep : reps) {
            Map<LocalDate, BigDecimal> repCommits = commits.getOrDefault(rep, Map.of());
            Map<LocalDate, BigDecimal> repBooked = booked.getOrDefault(rep, Map.of());
            List<RepReliabilityRules.Week> weeks = new ArrayList<>();
            for (LocalDate monday = from; monday.isBefore(week); monday = monday.plusWeeks(1)) {
                BigDecimal actual = BigDecimal.ZERO;
                for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
                    actual = actual.add(repBooked.getOrDefault(day, BigDecimal.ZERO));
                }
                weeks.add(new RepReliabilityRules.Week(repCommits.get(monday), actual));
            }
            BigDecimal commit = repCommits.get(week);
            RepReliabilityRules.Reliability r = RepReliabilityRules.of(weeks, settings.minWeeks(), commit);
            result.add(new RepReliability(rep, settings.weeks(), r.weeks(), settings.minWeeks(), r.enough(), r.ratio(),
                    RepReliabilityRules.percent(r.ratio()), commit, r.suggested()));
        }
        return result;
    }

    /** The reps' reported commits of the weekly cycles whose Monday is in [from, to), by rep and Monday. */
    private Map<String, Map<LocalDate, BigDecimal>> commits(Collection<String> reps, LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, BigDecimal>> byRep = new HashMap<>();
        List<String> list = List.copyOf(reps);
        for (int i = 0; i < list.size(); i += CHUNK) {
            jdbc.sql("""
                    select r.person_id, c.period_start, r.commit_amount from commit_report r join cadence_cycle c on c.id = r.cycle_id
                    where c.cadence = 'WEEKLY_COMMIT' and c.period_start >= :from and c.period_start < :to and r.person_id in (:reps)""")
                    .param("from", from).param("to", to).param("reps", list.subList(i, Math.min(list.size(), i + CHUNK)))
                    .query(rs -> {
                        byRep.computeIfAbsent(rs.getString("person_id"), k -> new LinkedHashMap<>())
                                .put(rs.getObject("period_start", LocalDate.class), rs.getBigDecimal("commit_amount"));
                    });
        }
        return byRep;
    }
}
