package com.salescadence.pipeline.deal.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the deals API. Values arrive as text (as from a form); a field left out stays as it is. */
final class DealRequests {

    private DealRequests() {
    }

    @Schema(description = "The fields to change; one left out (or null) stays as it is")
    record DealEditRequest(@Schema(example = "480000.00", description = "greater than zero, at most two decimals") String amount,
                           @Schema(example = "2027-03-31", description = "expected close date, today or later") String closeDate,
                           @Schema(example = "40", description = "percent, at most the cap of the deal's stage") String probability,
                           @Schema(example = "Demo for the CFO on Monday", description = "one line; empty clears it") String nextStep) {
    }

    record CommentRequest(@Schema(example = "Ask for the signature before the quarter ends.") String body) {
    }
}
