package com.salescadence.cadence.accountplan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The sections of a key-account plan as the owner writes them (seed 002): executive summary, strategic
 * options, business risks, customer overview and analysis, goals and objectives, actions and resources
 * (the account team's action plan, team and resources), a 5-year financial forecast (one amount per
 * year, year 1 = the plan year) and an optional appendix.
 */
public record PlanContent(String executiveSummary, String strategicOptions, String businessRisks, String customerAnalysis,
                          String goalsObjectives, String actionsResources, List<BigDecimal> forecast, String appendix) {

    public static final int FORECAST_YEARS = 5;
    public static final int SECTION_MAX = 8000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    public PlanContent {
        forecast = forecast == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(forecast));
    }

    /** The forecast amount of year 1 to 5, or null when not given. */
    public BigDecimal forecastYear(int year) {
        return year <= forecast.size() ? forecast.get(year - 1) : null;
    }

    /** Every problem of a plan submitted for review, in the words of the person who wrote it; empty when it may be stored. */
    public List<String> problems() {
        return problems(true);
    }

    /** The problems of a draft: sections may still be missing, but nothing may be wrong. */
    public List<String> draftProblems() {
        return problems(false);
    }

    /** The problems of the sections of a plan submitted for review (the forecast aside: see PlanYears). */
    public List<String> sectionProblems() {
        List<String> problems = new ArrayList<>();
        sections(problems, true);
        return problems;
    }

    /** The same sections with this forecast. */
    public PlanContent withForecast(List<BigDecimal> amounts) {
        return new PlanContent(executiveSummary, strategicOptions, businessRisks, customerAnalysis, goalsObjectives, actionsResources,
                amounts, appendix);
    }

    private void sections(List<String> problems, boolean complete) {
        section(problems, executiveSummary, "Executive summary", complete);
        section(problems, strategicOptions, "Strategic options", complete);
        section(problems, businessRisks, "Business risks", complete);
        section(problems, customerAnalysis, "Customer overview and analysis", complete);
        section(problems, goalsObjectives, "Goals and objectives", complete);
        section(problems, actionsResources, "Actions and resources", complete);
        section(problems, appendix, "Appendix", false);
    }

    private List<String> problems(boolean complete) {
        List<String> problems = new ArrayList<>();
        sections(problems, complete);
        if (forecast.size() > FORECAST_YEARS || (complete && forecast.size() != FORECAST_YEARS)) {
            problems.add("The financial forecast needs " + FORECAST_YEARS + " yearly amounts, got " + forecast.size() + ".");
        }
        for (int i = 0; i < forecast.size(); i++) {
            BigDecimal amount = forecast.get(i);
            String label = "Forecast year " + (i + 1);
            if (amount == null) {
                if (complete) {
                    problems.add(label + " is required.");
                }
            } else if (amount.signum() < 0) {
                problems.add(label + " may not be negative, got " + amount.toPlainString() + ".");
            } else if (amount.stripTrailingZeros().scale() > 2) {
                problems.add(label + " may have at most two decimals.");
            } else if (amount.compareTo(MAX_AMOUNT) >= 0) {
                problems.add(label + " is unrealistically large.");
            }
        }
        return problems;
    }

    private static void section(List<String> problems, String text, String label, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(label + " is required.");
            }
        } else if (text.length() > SECTION_MAX) {
            problems.add(label + " is too long: at most " + SECTION_MAX + " characters, got " + text.length() + ".");
        }
    }
}
