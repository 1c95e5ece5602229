package com.salescadence.metrics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The forecast categories of a weekly cycle up the hierarchy, plain Java. Per person:
 * raw = as they (or their team) submitted it: a rep's commit report; for a manager the sum of what each
 * direct report passed up; own = a manager's figure after their own adjustments (their frozen roll-up when
 * submitted), null for reps; adjustedAbove = the latest adjustment by their manager, null when none;
 * final = adjustedAbove, else own, else raw: what rolls up. Upside is nested: commit + upside (upside or better).
 */
public final class CategoryRules {

    private CategoryRules() {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Bucket(BigDecimal raw, BigDecimal own, BigDecimal adjustedAbove, BigDecimal fin) {

        @com.fasterxml.jackson.annotation.JsonProperty("final")
        public BigDecimal fin() {
            return fin;
        }
    }

    /** commit, and upside-or-better (commit + upside). */
    public record Categories(Bucket commit, Bucket upside) {
    }

    /** Per person of the team: their categories in the cycle. */
    public static Map<String, Categories> compute(Team team, MetricsQueries.CommitData data) {
        Map<String, BigDecimal[][]> memo = new HashMap<>();
        Map<String, Categories> result = new HashMap<>();
        for (String id : team.branch(team.root().id())) {
            BigDecimal[][] f = figures(team, data, id, memo);
            result.put(id, new Categories(
                    new Bucket(f[0][0], f[1] == null ? null : f[1][0], f[2] == null ? null : f[2][0], f[3][0]),
                    new Bucket(f[0][0].add(f[0][1]), f[1] == null ? null : f[1][0].add(f[1][1]),
                            f[2] == null ? null : f[2][0].add(f[2][1]), f[3][0].add(f[3][1]))));
        }
        return result;
    }

    /** {raw, own, adjustedAbove, final}, each {commit, upside}. */
    private static BigDecimal[][] figures(Team team, MetricsQueries.CommitData data, String id, Map<String, BigDecimal[][]> memo) {
        BigDecimal[][] known = memo.get(id);
        if (known != null) {
            return known;
        }
        BigDecimal[] raw;
        BigDecimal[] own = null;
        if (!team.hasReports(id)) {
            raw = data.reports().getOrDefault(id, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        } else {
            raw = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
            BigDecimal[] adjusted = {BigDecimal.ZERO, BigDecimal.ZERO};
            for (Team.Member report : team.directReports(id)) {
                BigDecimal[][] theirs = figures(team, data, report.id(), memo);
                BigDecimal[] passedUp = theirs[1] != null ? theirs[1] : theirs[0];
                BigDecimal[] seen = theirs[2] != null ? theirs[2] : passedUp;
                raw = add(raw, passedUp);
                adjusted = add(adjusted, seen);
            }
            own = data.rollups().getOrDefault(id, adjusted);
        }
        Team.Member member = team.member(id);
        BigDecimal[] above = member.managerId() == null ? null : data.adjustments().get(id + "|" + member.managerId());
        BigDecimal[] fin = above != null ? above : own != null ? own : raw;
        BigDecimal[][] result = {raw, own, above, fin};
        memo.put(id, result);
        return result;
    }

    private static BigDecimal[] add(BigDecimal[] a, BigDecimal[] b) {
        return new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])};
    }
}
