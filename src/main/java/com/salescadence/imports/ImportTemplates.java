package com.salescadence.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.salescadence.pipeline.stage.StageModel;

/** The CSV template of each import type: the documented header and one example row. */
final class ImportTemplates {

    private ImportTemplates() {
    }

    static String csv(ImportKind kind, boolean chinese, String owner, StageModel model, String currency, LocalDate today) {
        List<String> header = new ArrayList<>();
        List<String> example = new ArrayList<>();
        for (Column column : kind.columns()) {
            header.add(chinese ? column.chineseName() : column.name());
            example.add(switch (column.name()) {
                case "owner", "manager", "person" -> owner;
                case "period" -> com.salescadence.organization.QuotaService.quarterOf(today);
                case "currency" -> currency;
                case "expected_close_date" -> today.plusDays(60).toString();
                case "stage" -> model.first().code();
                case "rep" -> owner;
                case "entered_on", "ordered_on" -> today.minusDays(30).toString();
                case "week" -> com.salescadence.cadence.CycleKeys.weekKey(today.minusWeeks(1)
                        .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
                default -> chinese ? column.exampleZh() : column.example();
            });
        }
        return CsvParser.line(header) + CsvParser.line(example);
    }
}
