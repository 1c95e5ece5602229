package com.salescadence.pipeline.deal;

import org.springframework.security.access.AccessDeniedException;

/** The person sees the deal but may not do this to it (a manager editing a rep's deal): 403 with the message. */
public class DealAccessDenied extends AccessDeniedException {

    public DealAccessDenied(String message) {
        super(message);
    }
}
