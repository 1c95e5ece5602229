package com.salescadence.forecasting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.salescadence.forecasting.WinRateRules.Tally;

/**
 * The tallies {@link LearnedRateChooser} walks for a deal (issue 16, item 2), built once from the owners' own: the
 * owner's, then the branch of each manager above them (nearest first: everyone in it, the manager included), the
 * company's last. The live forecasts and the back-test both weigh a deal through this one chain.
 */
final class HierarchyTallies {

    private final Map<String, Map<String, Tally>> own;
    private final Map<String, String> managerOf;
    private final Map<String, Map<String, Tally>> branches = new HashMap<>();
    private final Map<String, Tally> company = new HashMap<>();

    /**
     * @param own       per owner and stage, the owner's verdicts
     * @param managerOf each person's manager (null or absent at the top)
     */
    HierarchyTallies(Map<String, Map<String, Tally>> own, Map<String, String> managerOf) {
        this.own = own;
        this.managerOf = managerOf;
        own.forEach((owner, byStage) -> {
            byStage.forEach((stage, tally) -> company.merge(stage, tally, Tally::plus));
            for (String member : above(owner, true)) {
                Map<String, Tally> branch = branches.computeIfAbsent(member, k -> new HashMap<>());
                byStage.forEach((stage, tally) -> branch.merge(stage, tally, Tally::plus));
            }
        });
    }

    /** The owner's tally at the stage, each manager's branch above them, the company's last. */
    List<Tally> chain(String owner, String stage) {
        List<Tally> chain = new ArrayList<>();
        chain.add(own.getOrDefault(owner, Map.of()).getOrDefault(stage, Tally.NONE));
        for (String manager : above(owner, false)) {
            chain.add(branches.getOrDefault(manager, Map.of()).getOrDefault(stage, Tally.NONE));
        }
        chain.add(company.getOrDefault(stage, Tally.NONE));
        return chain;
    }

    /** The managers above a person, nearest first (and the person first when {@code self}); a loop in the data ends the walk. */
    private List<String> above(String person, boolean self) {
        List<String> managers = new ArrayList<>();
        Set<String> seen = new HashSet<>(List.of(person));
        if (self) {
            managers.add(person);
        }
        for (String manager = managerOf.get(person); manager != null && seen.add(manager); manager = managerOf.get(manager)) {
            managers.add(manager);
        }
        return managers;
    }
}
