package com.salescadence.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvParserTest {

    private static CsvTable parse(String text) {
        return CsvParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_quoted_fields_with_commas_line_breaks_and_doubled_quotes() {
        CsvTable table = parse("name,note\r\n"
                + "\"Huaxin, Precision\",\"said \"\"yes\"\"\"\r\n"
                + "\"Two\r\nlines\",plain\r\n"
                + "last,\"\"\r\n");
        assertThat(table.header().values()).containsExactly("name", "note");
        assertThat(table.rows()).extracting(CsvRecord::values).containsExactly(
                List.of("Huaxin, Precision", "said \"yes\""),
                List.of("Two\r\nlines", "plain"),
                List.of("last", ""));
        // a record's line is where it starts; the quoted line break moves the next record one line down
        assertThat(table.rows()).extracting(CsvRecord::line).containsExactly(2, 3, 5);
    }

    @Test
    void strips_the_byte_order_mark_and_reads_lf_cr_and_a_missing_final_line_end() {
        CsvTable table = parse("\uFEFFname,tier\nA,KEY\rB,OTHER");
        assertThat(table.header().values()).containsExactly("name", "tier");
        assertThat(table.rows()).extracting(CsvRecord::values).containsExactly(List.of("A", "KEY"), List.of("B", "OTHER"));
        assertThat(table.rows()).extracting(CsvRecord::line).containsExactly(2, 3);
    }

    @Test
    void skips_blank_lines_and_rows_of_empty_fields_but_keeps_the_line_numbers() {
        CsvTable table = parse("\r\nname,tier\r\n\r\nA,KEY\r\n,\r\n  ,  \r\nB,OTHER\r\n\r\n");
        assertThat(table.header().line()).isEqualTo(2);
        assertThat(table.rows()).extracting(CsvRecord::line).containsExactly(4, 7);
    }

    @Test
    void reads_chinese_text() {
        CsvTable table = parse("客户名称,级别\r\n华信精密机械,KEY\r\n");
        assertThat(table.header().values()).containsExactly("客户名称", "级别");
        assertThat(table.rows().get(0).values()).containsExactly("华信精密机械", "KEY");
    }

    @Test
    void refuses_text_that_is_not_utf8() {
        byte[] gbk = "客户名称,级别\r\n华信,KEY\r\n".getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> CsvParser.parse(gbk)).isInstanceOf(MalformedCsvException.class)
                .hasMessageContaining("not UTF-8").hasMessageContaining("CSV UTF-8");
    }

    @Test
    void refuses_an_empty_file() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(MalformedCsvException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("\uFEFF\r\n,,\r\n")).isInstanceOf(MalformedCsvException.class).hasMessageContaining("header");
    }

    @Test
    void lists_every_line_with_the_wrong_number_of_fields() {
        assertThatThrownBy(() -> parse("a,b,c\r\n1,2,3\r\n1,2\r\n1,2,3,4\r\n"))
                .isInstanceOfSatisfying(MalformedCsvException.class, e -> assertThat(e.problems()).containsExactly(
                        "Line 3 has 2 fields; the header has 3.",
                        "Line 4 has 4 fields; the header has 3."));
    }

    @Test
    void refuses_a_quote_never_closed_and_text_after_a_closing_quote() {
        assertThatThrownBy(() -> parse("a,b\r\n1,\"open\r\n2,3\r\n"))
                .isInstanceOfSatisfying(MalformedCsvException.class,
                        e -> assertThat(e.problems()).containsExactly("Line 2: a quoted field is never closed."));
        assertThatThrownBy(() -> parse("a,b\r\n\"x\"y,2\r\n"))
                .isInstanceOfSatisfying(MalformedCsvException.class,
                        e -> assertThat(e.problems().get(0)).startsWith("Line 2: text after the closing quote"));
    }

    @Test
    void writes_lines_that_it_reads_back() {
        List<String> values = List.of("plain", "with, comma", "with \"quote\"", "two\nlines", "");
        CsvTable table = parse(CsvParser.line(List.of("a", "b", "c", "d", "e")) + CsvParser.line(values));
        assertThat(table.rows().get(0).values()).isEqualTo(values);
    }

    @Test
    void refuses_too_many_fields_too_long_a_field_or_too_many_lines_as_soon_as_it_reads_them() {
        CsvParser.Limits limits = new CsvParser.Limits(3, 5, 2);
        byte[] wide = "a,b,c\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvParser.parse(wide, limits)).isInstanceOfSatisfying(MalformedCsvException.class,
                e -> assertThat(e.problems()).containsExactly("Line 2 has more than 3 fields; a file of this import has at most 3 columns."));
        for (String longCell : List.of("a,b\n123456,x\n", "a,b\n\"123456\",x\n")) {
            assertThatThrownBy(() -> CsvParser.parse(longCell.getBytes(StandardCharsets.UTF_8), limits))
                    .isInstanceOfSatisfying(MalformedCsvException.class, e -> assertThat(e.problems()).singleElement()
                            .asString().startsWith("Line 2: a field is longer than 5 characters"));
        }
        assertThatThrownBy(() -> CsvParser.parse("a\n1\n2\n".getBytes(StandardCharsets.UTF_8), limits))
                .isInstanceOfSatisfying(MalformedCsvException.class,
                        e -> assertThat(e.problems()).containsExactly("The file has more than 2 lines: split it into smaller files."));
        assertThat(CsvParser.parse("a,b,c\n12345,2,3\n".getBytes(StandardCharsets.UTF_8), limits).rows()).hasSize(1);
    }
}
