package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 12: the dashboard's CSV export (static/dashboard/format.js, toCsv) neutralises text a spreadsheet
 * would run as a formula. Runs the real module in Node.js (Node 20 has no navigator: the test gives it one); skipped,
 * saying so, where Node.js is not installed (CI installs it for bpmnlint).
 */
class DashboardCsvTest {

    @Test
    void exported_text_that_starts_like_a_formula_gets_a_leading_quote_and_numbers_stay_numbers() throws Exception {
        String csv = toCsv("[[\"Deal\", \"Amount\"], [\"=HYPERLINK(\\\"http://evil.example\\\",\\\"Click\\\")\", 250000], "
                + "[\"+86 cmd\", -5], [\"-2+3\", 0], [\"@SUM(A1)\", 1], [\"Normal, deal\", 1.5]]");
        assertThat(csv).isEqualTo("\"Deal\",\"Amount\"\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",\"250000\"\r\n"
                + "\"'+86 cmd\",\"-5\"\r\n"
                + "\"'-2+3\",\"0\"\r\n"
                + "\"'@SUM(A1)\",\"1\"\r\n"
                + "\"Normal, deal\",\"1.5\"\r\n");
    }

    private static String toCsv(String recordsJson) throws Exception {
        File dashboard = new File("src/main/resources/static/dashboard");
        String script = "globalThis.navigator = {languages: ['en']}; const {toCsv} = await import('./format.js');"
                + "process.stdout.write(toCsv(" + recordsJson + "));";
        Process node;
        try {
            node = new ProcessBuilder("node", "--input-type=module", "-e", script).directory(dashboard)
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("Node.js is not installed (node not on PATH): " + e.getMessage());
            return null;
        }
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finishes").isTrue();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(out).isZero();
        return out;
    }
}
