package com.salescadence.common;

/**
 * The request clashes with what is already stored (an account of that name exists): the REST layer answers
 * 409 with the message; nothing of the request is stored.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
