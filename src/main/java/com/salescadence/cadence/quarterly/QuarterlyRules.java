package com.salescadence.cadence.quarterly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the quarterly review, in plain Java: results against quota and stretch, growth over
 * the previous quarter against the expected growth (docs/domain.md section 2.4: 15%), and the stretch target that goes
 * with a new quota.
 */
public final class QuarterlyRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QuarterlyRules() {
    }

    /** part / whole in percent with one decimal; empty when there is no whole to compare with. */
    public static Optional<BigDecimal> percentOf(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP));
    }

    /** Booked sales as a share of quota, in percent. */
    public static Optional<BigDecimal> attainment(QuarterResults r) {
        return percentOf(r.booked(), r.quota());
    }

    public static Optional<BigDecimal> stretchAttainment(QuarterResults r) {
        return percentOf(r.booked(), r.stretch());
    }

    /** (booked - previous booked) / previous booked in percent; empty when nothing was booked the quarter before. */
    public static Optional<BigDecimal> growth(QuarterResults r) {
        if (r.previousBooked() == null || r.previousBooked().signum() <= 0) {
            return Optional.empty();
        }
        return percentOf(r.booked().subtract(r.previousBooked()), r.previousBooked());
    }

    /** Whether growth is below the expected growth; a quarter without a base to grow from is not flagged. */
    public static boolean growthBelowExpected(QuarterResults r, BigDecimal expectedPercent) {
        return growth(r).map(g -> g.compareTo(expectedPercent) < 0).orElse(false);
    }

    /** Whether booked sales missed the quota; no quota, no flag. */
    public static boolean belowQuota(QuarterResults r) {
        return attainment(r).map(a -> a.compareTo(HUNDRED) < 0).orElse(false);
    }

    /** "Booked 460000.00 of quota 400000.00 (115.0%), stretch 500000.00 (92.0%)". */
    public static String resultsText(QuarterResults r) {
        StringBuilder text = new StringBuilder("Booked ").append(money(r.booked()));
        if (r.quota() == null) {
            return text.append(", no quota set for ").append(r.quarter()).toString();
        }
        text.append(" of quota ").append(money(r.quota())).append(" (").append(attainment(r).orElseThrow().toPlainString()).append("%)");
        if (r.stretch() != null) {
            text.append(", stretch ").append(money(r.stretch())).append(" (")
                    .append(stretchAttainment(r).map(BigDecimal::toPlainString).orElse("-")).append("%)");
        }
        return text.toString();
    }

    /** "+20.0% vs 2026-Q2 (expected 15%)", "-10.0% vs 2026-Q2: below the expected 15%", or why there is no figure. */
    public static String growthText(QuarterResults r, BigDecimal expectedPercent) {
        Optional<BigDecimal> growth = growth(r);
        if (growth.isEmpty()) {
            return "no growth figure: nothing booked in " + r.previousQuarter();
        }
        BigDecimal g = growth.get();
        String signed = (g.signum() > 0 ? "+" : "") + g.toPlainString() + "% vs " + r.previousQuarter() + " ("
                + money(r.previousBooked()) + ")";
        return growthBelowExpected(r, expectedPercent)
                ? signed + ": below the expected " + expectedPercent.stripTrailingZeros().toPlainString() + "%"
                : signed + ", expected " + expectedPercent.stripTrailingZeros().toPlainString() + "%";
    }

    /** The flags as codes the forms word in the reader's language (BELOW_QUOTA, GROWTH_BELOW_EXPECTED), empty when all is well. */
    public static List<String> flagCodes(QuarterResults r, BigDecimal expectedPercent) {
        List<String> flags = new ArrayList<>();
        if (belowQuota(r)) {
            flags.add("BELOW_QUOTA");
        }
        if (growthBelowExpected(r, expectedPercent)) {
            flags.add("GROWTH_BELOW_EXPECTED");
        }
        return flags;
    }

    /** The flags a manager should look at, empty when all is well. */
    public static List<String> flags(QuarterResults r, BigDecimal expectedPercent) {
        List<String> flags = new ArrayList<>();
        if (belowQuota(r)) {
            flags.add("below quota");
        }
        if (growthBelowExpected(r, expectedPercent)) {
            flags.add("growth below " + expectedPercent.stripTrailingZeros().toPlainString() + "%");
        }
        return flags;
    }

    /**
     * The stretch target that goes with a new quota: the same ratio of stretch to quota as the quota
     * it replaces, else as the reviewed quarter's, else the quota itself.
     */
    public static BigDecimal stretchFor(BigDecimal target, BigDecimal ratioQuota, BigDecimal ratioStretch) {
        if (ratioQuota == null || ratioStretch == null || ratioQuota.signum() <= 0 || ratioStretch.compareTo(ratioQuota) < 0) {
            return target;
        }
        return target.multiply(ratioStretch).divide(ratioQuota, 2, RoundingMode.HALF_UP);
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
