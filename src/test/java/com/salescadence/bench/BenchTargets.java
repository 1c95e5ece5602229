package com.salescadence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Issue 15's targets, one line each: the measured value, its baseline, the ratio, the target and whether it is met,
 * computed from the figures. The benches of one JVM (one {@code ./mvnw -Pbench verify}) record their lines here and
 * {@link BenchResults#write} rewrites {@code target/bench/targets-<db>-<N>.md} after each bench, so the file holds
 * every target the command has measured so far and names the ones it has not.
 */
final class BenchTargets {

    /** How a target is judged. */
    enum Rule {
        /** product / baseline at most the limit */
        RATIO_AT_MOST,
        /** the measured value below the limit */
        BELOW,
        /** the measured value at least the limit */
        AT_LEAST
    }

    /**
     * One target's figures. {@code atScale} false: measured below the scale the issue states the target at (e.g. the
     * roll-up under 1,000,000 opportunities, the task list on H2), said beside met/missed.
     */
    record Line(String item, String what, double value, double baseline, String unit, Rule rule, double limit,
                boolean atScale, String scale) {

        double ratio() {
            return baseline > 0 ? value / baseline : Double.NaN;
        }

        boolean met() {
            return switch (rule) {
                case RATIO_AT_MOST -> !Double.isNaN(ratio()) && ratio() <= limit;
                case BELOW -> value < limit;
                case AT_LEAST -> value >= limit;
            };
        }

        String target() {
            return switch (rule) {
                case RATIO_AT_MOST -> "<= " + BenchResults.format(limit) + "x";
                case BELOW -> "< " + BenchResults.format(limit) + " " + unit;
                case AT_LEAST -> ">= " + BenchResults.format(limit) + " " + unit;
            };
        }

        String verdict() {
            return (met() ? "met" : "missed") + (atScale ? "" : " (" + scale + ")");
        }
    }

    /** The items, so the file names those this command did not measure. */
    static final List<String> ITEMS = List.of(
            "1 fan-out: time and peak heap within 1.3x of the bare engine",
            "2 submissions: within 1.5x of bare task completion",
            "3 roll-up at 1,000,000 opportunities: top-level view < 1 s, first-line views within 2x of the SQL",
            "4 Monday deadline storm (10% missing): within 1.5x of bare boundary timers; the 09:00 call opening",
            "5 import: >= 300 open deals/s at 2,000 and 20,000",
            "6 task list: p95 < 100 ms with 10,000 open tasks on PostgreSQL");

    private static final List<Line> LINES = new ArrayList<>();
    private static final Set<String> BENCHES = new LinkedHashSet<>();
    private static final Instant STARTED = Instant.now();

    private BenchTargets() {
    }

    static synchronized void ratio(String item, String what, double value, double baseline, String unit, double limit) {
        ratio(item, what, value, baseline, unit, limit, true, "");
    }

    /** product / baseline at most {@code limit}; {@code scale} names the scale when {@code atScale} is false. */
    static synchronized void ratio(String item, String what, double value, double baseline, String unit, double limit,
                                   boolean atScale, String scale) {
        add(new Line(item, what, value, baseline, unit, Rule.RATIO_AT_MOST, limit, atScale, scale));
    }

    /** A value that must stay below {@code limit}; {@code scale} names the scale when {@code atScale} is false. */
    static synchronized void below(String item, String what, double value, double baseline, String unit, double limit,
                                   boolean atScale, String scale) {
        add(new Line(item, what, value, baseline, unit, Rule.BELOW, limit, atScale, scale));
    }

    static synchronized void atLeast(String item, String what, double value, double baseline, String unit, double limit) {
        add(new Line(item, what, value, baseline, unit, Rule.AT_LEAST, limit, true, ""));
    }

    static synchronized void add(Line line) {
        LINES.add(line);
    }

    static synchronized void ran(String bench) {
        BENCHES.add(bench);
    }

    /** N of the command (the import's sizes do not depend on it, the file is named by it all the same). */
    static int reps() {
        return Integer.getInteger("bench.reps", 1000);
    }

    static Path file(Path dir) {
        return dir.resolve("targets-" + BenchDatabase.name() + "-" + reps() + ".md");
    }

    static synchronized String markdown() {
        StringBuilder md = new StringBuilder("## Issue 15 targets: N = " + String.format(Locale.ROOT, "%,d", reps()) + " on "
                + (BenchDatabase.postgres() ? "PostgreSQL" : "H2 (file)") + "\n\n");
        md.append("Benches run: ").append(String.join(", ", BENCHES)).append("; started ")
                .append(STARTED.truncatedTo(ChronoUnit.SECONDS)).append(", written ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append("; heap max ").append(Math.round(HeapSampler.maxMb())).append(" MB, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, load average now ").append(loadAverage()).append("\n\n");
        md.append("| Item | Measure | Product | Baseline | Ratio | Target | Met |\n|---|---|---|---|---|---|---|\n");
        for (String item : ITEMS) {
            String number = item.substring(0, 1);
            List<Line> measured = LINES.stream().filter(l -> l.item().equals(number)).toList();
            for (Line l : measured) {
                md.append("| ").append(l.item()).append(" | ").append(l.what()).append(" | ")
                        .append(BenchResults.format(l.value())).append(' ').append(l.unit()).append(" | ")
                        .append(l.baseline() > 0 ? BenchResults.format(l.baseline()) + " " + l.unit() : "-").append(" | ")
                        .append(Double.isNaN(l.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", l.ratio())).append(" | ")
                        .append(l.target()).append(" | ").append(l.verdict()).append(" |\n");
            }
            if (measured.isEmpty()) {
                md.append("| ").append(number).append(" | ").append(item.substring(2))
                        .append(" | not measured by this command | - | - | - | - |\n");
            }
        }
        md.append("\nRatio = product / baseline (for rates below 1 means the product is slower). Met/missed is computed from the"
                + " figures above; a qualifier in brackets says where the run is below the scale the issue states the target at."
                + " Each bench's full table: results-<db>-<N>.md (weekly cycle), results-storm-<db>-<N>.md, results-import-<db>.md.\n");
        return md.toString();
    }

    static synchronized void write(Path dir) throws IOException {
        if (LINES.isEmpty() && BENCHES.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        String md = markdown();
        Files.writeString(file(dir), md);
        System.out.println(md);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
