package com.salescadence.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;

import java.util.Map;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

@AnalyzeClasses(packages = "com.salescadence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "com.salescadence.";

    /**
     * The sub-package classes (or whole sub-packages) other modules may use, each with the reason it is published.
     * Everything else below a module's top-level package is its inside: reached only from within the module.
     */
    static final Map<String, String> PUBLISHED = Map.ofEntries(
            entry("com.salescadence.pipeline.stage", "the stage models are the funnel's vocabulary: imports map stage "
                    + "names to them, metrics count the funnel by them, the pipeline figures weigh by their win rates"),
            entry("com.salescadence.pipeline.deal.DealChangeService", "the weekly commit changes a deal's close date "
                    + "through the same rules and history as the deal page"),
            entry("com.salescadence.pipeline.process.LeadIntake", "the demo data start leads as a form would, through "
                    + "the lead-to-cash process"),
            entry("com.salescadence.pipeline.process.DealImport", "the CSV import starts imported deals in the "
                    + "lead-to-cash process"),
            entry("com.salescadence.metrics.snapshot.SnapshotService", "the demo data take the pipeline snapshots a "
                    + "manager would"),
            entry("com.salescadence.metrics.snapshot.SnapshotKind", "the kind of a snapshot the demo data take"),
            entry("com.salescadence.metrics.snapshot.HistorySnapshots", "the history import records past snapshots"),
            entry("com.salescadence.cadence.forecast.MonthlyForecastSettings", "the dashboard shows the monthly "
                    + "forecast's thresholds the review uses"),
            entry("com.salescadence.workflow.naming", "every process names its tasks through the same rules "
                    + "(workflow is the engine's layer, below the capabilities)"),
            entry("com.salescadence.metrics.snapshot.WeekBaseline", "the 1:1's agenda says what changed since the "
                    + "same baseline week the dashboard compares with"),
            entry("com.salescadence.cadence.quarterly.QuarterlyReviewService", "the quarterly business review's "
                    + "agenda shows each rep's quarterly review"),
            entry("com.salescadence.cadence.quarterly.QuarterlyReview", "the quarterly review a QBR agenda reads"),
            entry("com.salescadence.meeting.process.HoldMeetings", "the demo data start this week's meetings as the "
                    + "meeting rhythm would"),
            entry("com.salescadence.workflow.admin.CadenceSettings", "the cadence settings an admin edits, read by "
                    + "the rules that use them"));

    /** Between the capability modules (the packages right under com.salescadence, with their sub-packages). */
    @ArchTest
    static final ArchRule no_module_cycles = slices().matching("com.salescadence.(*)..").should().beFreeOfCycles();

    /** Between any two packages. */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("com.salescadence.(**)").should().beFreeOfCycles();

    /**
     * A module's top-level package is its API: another module's classes use it, not the module's sub-packages
     * (its web layer, its process glue, its internals), unless {@link #PUBLISHED} says why.
     */
    @ArchTest
    static final ArchRule modules_are_reached_through_their_api = classes().that().resideInAPackage("com.salescadence..")
            .should(new ArchCondition<JavaClass>("reach other modules through their top-level package only") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String from = module(origin);
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass().getBaseComponentType();
                        String to = module(target);
                        if (to == null || to.equals(from) || target.getPackageName().equals(ROOT + to)
                                || published(target)) {
                            continue;
                        }
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + " reaches inside module '" + to + "'"));
                    }
                }
            });

    private static String module(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return name.equals("com.salescadence") ? "" : null;
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean published(JavaClass target) {
        String top = target.getName().contains("$") ? target.getName().substring(0, target.getName().indexOf('$')) : target.getName();
        return PUBLISHED.containsKey(top) || PUBLISHED.keySet().stream()
                .anyMatch(entry -> target.getPackageName().equals(entry) || target.getPackageName().startsWith(entry + "."));
    }
}
