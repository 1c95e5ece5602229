package com.salescadence.imports;

import org.springframework.util.unit.DataSize;

/** A file above cadence.import.max-bytes: 413. */
public class FileTooLargeException extends RuntimeException {

    public FileTooLargeException(long maxBytes) {
        super(message(maxBytes));
    }

    public static String message(long maxBytes) {
        return "The file is larger than the " + DataSize.ofBytes(maxBytes).toKilobytes()
                + " KB an import accepts (cadence.import.max-bytes). Split it into smaller files.";
    }
}
