package com.salescadence.common;

/**
 * A refusal because the same thing is stored already (a payment's bank reference, a credit check): typically the
 * second of two identical requests (a double click, a retry). It is a {@link ValidationException}, so the process glue
 * refuses the task completion as with any bad input, and the REST layers answer 409 (Conflict) with its message.
 */
public class AlreadyRecordedException extends ValidationException {

    public AlreadyRecordedException(String problem) {
        super(problem);
    }
}
