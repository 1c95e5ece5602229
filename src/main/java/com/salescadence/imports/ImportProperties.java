package com.salescadence.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the CSV import.
 *
 * @param maxBytes        files above this size are refused with 413 (the import endpoint's own body limit)
 * @param syncMaxRows     imports of at most this many rows run while the request waits; larger ones in the background
 * @param progressEvery   the job's progress row is updated every this many rows
 * @param staleAfter      a queued or running job whose node has not sent its heartbeat (every fifth of this) for this
 *                        long is shown as abandoned: the node stopped
 * @param threads         background imports that run at once on one node
 * @param maxColumns      a line with more fields than this refuses the file (400) as soon as it is read
 * @param maxCellChars    a field longer than this refuses the file (400)
 * @param maxRows         a file with more lines than this is refused (400): split it
 * @param maxProblems     a rejected import lists this many problems (the first ones) and counts the rest
 */
@ConfigurationProperties("cadence.import")
public record ImportProperties(
        @DefaultValue("10MB") DataSize maxBytes,
        @DefaultValue("500") int syncMaxRows,
        @DefaultValue("200") int progressEvery,
        @DefaultValue("PT5M") Duration staleAfter,
        @DefaultValue("2") int threads,
        @DefaultValue("50") int maxColumns,
        @DefaultValue("2000") int maxCellChars,
        @DefaultValue("100000") int maxRows,
        @DefaultValue("100") int maxProblems) {

    CsvParser.Limits csvLimits() {
        return new CsvParser.Limits(maxColumns, maxCellChars, maxRows);
    }
}
