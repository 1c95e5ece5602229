package com.salescadence.imports;

import java.util.List;

import com.salescadence.common.ValidationException;

/** A file that is not a CSV file this import reads (not UTF-8, no header, broken quotes, wrong column count): 400. */
public class MalformedCsvException extends ValidationException {

    public MalformedCsvException(List<String> problems) {
        super(problems);
    }

    public MalformedCsvException(String problem) {
        super(problem);
    }
}
