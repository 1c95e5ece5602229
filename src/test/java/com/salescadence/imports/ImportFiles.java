package com.salescadence.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV files of src/test/resources/import/, with dates relative to today: ${today+40} and ${today-5}
 * become ISO dates, so open deals always close in the future and closed ones in the past.
 */
final class ImportFiles {

    private static final Pattern DAYS = Pattern.compile("\\$\\{today([+-]\\d+)}");

    private ImportFiles() {
    }

    static byte[] load(String name, LocalDate today) {
        try (InputStream in = ImportFiles.class.getResourceAsStream("/import/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test file import/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher days = DAYS.matcher(text);
            StringBuilder out = new StringBuilder();
            while (days.find()) {
                days.appendReplacement(out, today.plusDays(Long.parseLong(days.group(1))).toString());
            }
            days.appendTail(out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
