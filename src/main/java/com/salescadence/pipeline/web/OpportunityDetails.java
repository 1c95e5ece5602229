package com.salescadence.pipeline.web;

import java.util.List;

import com.salescadence.pipeline.AdvanceRequest;
import com.salescadence.pipeline.Invoice;
import com.salescadence.pipeline.Opportunity;
import com.salescadence.pipeline.Payment;
import com.salescadence.pipeline.SalesOrder;
import com.salescadence.pipeline.StageChange;
import com.salescadence.pipeline.StageEvidence;

/** An opportunity with everything that happened to it, as one answer; overdue: open past its expected close date. */
record OpportunityDetails(Opportunity opportunity, String stageName, int stageWinRate, List<StageChange> stageHistory,
                          List<StageEvidence> evidence, List<AdvanceRequest> advanceRequests, SalesOrder order,
                          Invoice invoice, List<Payment> payments, boolean overdue) {
}
