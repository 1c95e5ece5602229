package com.salescadence.common;

/** Something asked for does not exist, or is not visible to the person asking (we do not tell which). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
