package com.salescadence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's table: one line per measure, product beside its baseline, printed and written to target/bench. */
final class BenchResults {

    record Line(String scenario, String measure, String product, String baseline, String ratio, String target) {
    }

    private final String title;
    private final List<Line> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchResults(String title) {
        this.title = title;
    }

    void add(String scenario, String measure, double product, double baseline, String unit, String target) {
        phase(scenario, measure);
        lines.add(new Line(scenario, measure, format(product) + " " + unit, baseline < 0 ? "-" : format(baseline) + " " + unit,
                baseline <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", product / baseline), target));
    }

    void info(String scenario, String measure, String value, String target) {
        phase(scenario, measure);
        lines.add(new Line(scenario, measure, value, "-", "-", target));
    }

    private long phaseNanos = System.nanoTime();
    private double phaseCpu = BenchEngine.cpuSeconds();

    /**
     * A timeline for estimating longer runs: wall and JVM CPU seconds since the previous line of this table (a line is
     * added when its phase ends; a phase's several lines count from the first) and the load average, printed only.
     */
    private void phase(String scenario, String measure) {
        double wall = BenchEngine.seconds(phaseNanos);
        double cpu = BenchEngine.cpuSeconds() - phaseCpu;
        if (wall >= 0.5) {
            System.out.printf(Locale.ROOT, "[bench] phase ended: %s / %s: %.1f s wall, %.1f CPU s, load %s%n", scenario,
                    measure.length() > 80 ? measure.substring(0, 80) + "..." : measure, wall, cpu, BenchTargets.loadAverage());
        }
        phaseNanos = System.nanoTime();
        phaseCpu = BenchEngine.cpuSeconds();
    }

    void note(String text) {
        notes.add(text);
        System.out.println("[bench] " + text);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## ").append(title).append("\n\n");
        md.append("| Scenario | Measure | Product | Baseline | Ratio | Target |\n|---|---|---|---|---|---|\n");
        for (Line l : lines) {
            md.append("| ").append(l.scenario()).append(" | ").append(l.measure()).append(" | ").append(l.product())
                    .append(" | ").append(l.baseline()).append(" | ").append(l.ratio()).append(" | ").append(l.target()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    void write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        String md = markdown();
        Files.writeString(dir.resolve("results.md"), md);
        Files.writeString(dir.resolve(name), md);
        System.out.println(md);
        BenchTargets.ran(name);
        BenchTargets.write(dir);
    }

    static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
