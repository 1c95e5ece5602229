package com.salescadence.metrics;

/**
 * What a figure counts, named in the API and on the dashboard so that two figures called "pipeline" are never
 * different sums under one word, and a figure and its comparison are read over the same deals.
 */
public enum Scope {
    /** Open deals of the funnel expected to close by the end of the quarter (overdue ones included). */
    PIPELINE_THIS_QUARTER,
    /** Every open deal of the funnel, whatever its close date. */
    PIPELINE_ALL_OPEN,
    /** Deals won from the start of the quarter to the date. */
    WON_THIS_QUARTER,
    /** Every deal ever won. */
    WON_ALL_TIME,
    /** The last completed week (Monday to Sunday). */
    LAST_WEEK,
    /** The weeks of the month so far. */
    MONTH_TO_DATE,
    /** Reports of the quarter's cycles so far. */
    QUARTER_TO_DATE
}
