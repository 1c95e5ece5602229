package com.salescadence.forecasting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.salescadence.forecasting.WinRateRules.Tally;
import com.salescadence.metrics.Team;
import com.salescadence.pipeline.stage.Stage;

/**
 * The learned rate that weighs an owner's deals at a stage ({@link LearnedRateChooser}: the owner's own tally, else the
 * branch of each manager above in turn when thin, the company's last), from the tallies of one moment (read once by
 * {@link WinRateService#learnedRates}); the branches' tallies are summed on first use.
 */
public final class LearnedRates {

    private final Map<String, Map<String, Tally>> tallies;
    private final Map<String, String> managerOf;
    private final Team everyone;
    private final Map<String, Tally> company = new HashMap<>();
    private final Map<String, Map<String, Tally>> branches = new HashMap<>();
    private final double strength;
    private final int minDeals;

    LearnedRates(Map<String, Map<String, Tally>> tallies, Map<String, String> managerOf, double strength, int minDeals) {
        this.tallies = tallies;
        this.managerOf = managerOf;
        this.everyone = new Team(null, managerOf.entrySet().stream().map(e -> new Team.Member(e.getKey(), e.getKey(), null, e.getValue())).toList());
        this.strength = strength;
        this.minDeals = minDeals;
        tallies.values().forEach(byStage -> byStage.forEach((stage, t) -> company.merge(stage, t, Tally::plus)));
    }

    /** The rate (share 0-1) weighing {@code owner}'s deals at an open stage of the model the tallies are of. */
    public double rate(String owner, Stage stage) {
        List<Tally> chain = new ArrayList<>();
        chain.add(tallies.getOrDefault(owner, Map.of()).getOrDefault(stage.code(), Tally.NONE));
        int depth = 0;
        for (String manager = managerOf.get(owner); manager != null && depth++ < 64; manager = managerOf.get(manager)) {
            chain.add(branches.computeIfAbsent(manager, m -> WinRateService.sum(tallies, everyone.branch(m))).getOrDefault(stage.code(), Tally.NONE));
        }
        chain.add(company.getOrDefault(stage.code(), Tally.NONE));
        return LearnedRateChooser.choose(chain, stage.winRate() / 100.0, strength, minDeals).rate();
    }
}
