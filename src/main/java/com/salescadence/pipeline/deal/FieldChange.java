package com.salescadence.pipeline.deal;

/** A field a valid edit changes, old and new value as text (null: none). */
public record FieldChange(DealField field, String oldValue, String newValue) {
}
