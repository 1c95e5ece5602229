package com.salescadence.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ImportProblemsTest {

    private final Sheet sheet = Sheet.of(ImportKind.STAGE_HISTORY,
            CsvParser.parse("deal,stage,entered_on\r\nd,IDENTIFY,2026-01-01\r\n".getBytes(StandardCharsets.UTF_8)));

    @Test
    void a_date_of_a_csv_cell_is_a_plain_date_in_the_years_the_product_knows() {
        ImportProblems problems = new ImportProblems(10);
        assertThat(problems.date(sheet, 2, "entered_on", "Entered on", "2027-01-31", true)).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(problems.date(sheet, 3, "entered_on", "Entered on", "", false)).isNull();
        assertThat(problems.count()).isZero();

        assertThat(problems.date(sheet, 4, "entered_on", "Entered on", "9999-12-31", true)).isNull();
        assertThat(problems.date(sheet, 5, "entered_on", "Entered on", "31/12/2026", true)).isNull();
        assertThat(problems.date(sheet, 6, "entered_on", "Entered on", "", true)).isNull();
        assertThat(problems.listed()).extracting(RowProblem::reason).containsExactly(
                "Entered on must be between 1900 and 2199, got 9999-12-31.",
                "Entered on must be a date like 2026-12-31 (yyyy-MM-dd), got '31/12/2026'.",
                "Entered on is required.");
        assertThat(problems.badRows()).isEqualTo(3);
    }

    @Test
    void only_the_first_problems_are_listed_and_every_one_is_counted() {
        ImportProblems problems = new ImportProblems(2);
        for (int line = 2; line < 7; line++) {
            problems.add(sheet, line, "stage", "bad");
            problems.add(sheet, line, "deal", "bad too");
        }
        assertThat(problems.listed()).hasSize(2);
        assertThat(problems.count()).isEqualTo(10);
        assertThat(problems.badRows()).isEqualTo(5);
    }
}
