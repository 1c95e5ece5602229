package com.salescadence.pipeline;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of lead to cash, with the defaults of docs/domain.md section 1.
 *
 * @param stageModel         which model of resources/stage-models to use: ibm, cisco or crm-vendor
 * @param currency           currency of amounts entered without one
 * @param outOfFunnelBelow   deals below this amount skip the stage tasks but still count as sales
 * @param goNoGoFrom         deals of this amount or more get a go / no-go assessment
 * @param paymentTermsDays   invoice due date = issue date + this many days
 * @param escalationDays     days after the due date when an unpaid invoice is escalated
 * @param closeDateHorizonYears a deal's expected close date may lie at most this many years ahead (a date further out
 *                           is a typo, such as 9999-12-31, and would skew forecasts and snapshots)
 */
@ConfigurationProperties("cadence.pipeline")
public record PipelineProperties(
        @DefaultValue("ibm") String stageModel,
        @DefaultValue("CNY") String currency,
        @DefaultValue("50000") BigDecimal outOfFunnelBelow,
        @DefaultValue("1000000") BigDecimal goNoGoFrom,
        @DefaultValue("30") int paymentTermsDays,
        @DefaultValue("14") int escalationDays,
        @DefaultValue("10") int closeDateHorizonYears) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public PipelineProperties {
    }

    /** The settings with the default close-date horizon (10 years). */
    public PipelineProperties(String stageModel, String currency, BigDecimal outOfFunnelBelow, BigDecimal goNoGoFrom,
                              int paymentTermsDays, int escalationDays) {
        this(stageModel, currency, outOfFunnelBelow, goNoGoFrom, paymentTermsDays, escalationDays, 10);
    }
}
