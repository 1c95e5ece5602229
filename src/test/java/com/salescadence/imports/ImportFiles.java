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
public final class ImportFiles {

    private static final Pattern DAYS = Pattern.compile("\\$\\{today([+-]\\d+)}");

    private ImportFiles() {
    }

    public static byte[] load(String name, LocalDate today) {
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

    /**
     * POST /api/imports with the files as multipart parts (part name -> CSV bytes, in order) as {@code user}; the job as
     * answered, whatever its status.
     */
    static java.util.Map<String, Object> post(org.springframework.boot.test.web.client.TestRestTemplate http, String user,
                                              java.util.Map<String, byte[]> parts, boolean dryRun) {
        org.springframework.util.MultiValueMap<String, Object> files = new org.springframework.util.LinkedMultiValueMap<>();
        parts.forEach((part, bytes) -> files.add(part, new org.springframework.core.io.ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return part + ".csv";
            }
        }));
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, com.salescadence.support.TestOrganization.PASSWORD)
                .exchange("/api/imports?dryRun=" + dryRun, org.springframework.http.HttpMethod.POST,
                        new org.springframework.http.HttpEntity<>(files, headers),
                        new org.springframework.core.ParameterizedTypeReference<java.util.Map<String, Object>>() { }).getBody();
    }
}
