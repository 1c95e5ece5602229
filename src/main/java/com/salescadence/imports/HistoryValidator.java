package com.salescadence.imports;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.salescadence.imports.HistoryRows.CommitRow;
import com.salescadence.imports.HistoryRows.OrderRow;
import com.salescadence.imports.HistoryRows.StageEntry;
import com.salescadence.imports.ImportRows.DealRow;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageKind;
import com.salescadence.pipeline.stage.StageModel;

/**
 * Checks the history files of an import (issue 12) against the deals of the same import's opportunities file, which a
 * history row names by the deal's {@code ref} (or its name when it has none): the dated stage history of each deal, the
 * stage a lost deal was lost from, the won deals' orders and payments, and past weekly commits. Every bad value is a
 * problem with its file, line and column; nothing is stored here.
 */
final class HistoryValidator {

    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");

    private final ImportRules rules;
    private final ImportLookups lookups;
    private final ImportProblems problems;
    /** The deals of the opportunities file by reference (lower case): their lines; more than one when ambiguous. */
    private final Map<String, List<Integer>> dealLines = new HashMap<>();
    private final Map<Integer, DealRow> deals = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    HistoryValidator(ImportRules rules, ImportLookups lookups, ImportProblems problems) {
        this.rules = rules;
        this.lookups = lookups;
        this.problems = problems;
    }

    /**
     * @param opportunities the opportunities file of the import, or null
     * @param validDeals    its rows that passed validation
     * @param history       the history files
     */
    HistoryRows validate(Sheet opportunities, List<DealRow> validDeals, List<Sheet> history, Runnable rowDone) {
        validDeals.forEach(d -> deals.put(d.line(), d));
        Map<Integer, String> lostFrom = opportunities == null ? Map.of() : indexDeals(opportunities);
        Map<Integer, List<StageEntry>> stages = new LinkedHashMap<>();
        List<OrderRow> orders = new ArrayList<>();
        List<CommitRow> commits = new ArrayList<>();
        for (Sheet sheet : history) {
            Map<String, Integer> seen = new HashMap<>();
            for (CsvRecord row : sheet.rows()) {
                switch (sheet.kind()) {
                    case STAGE_HISTORY -> stageEntry(sheet, row).ifPresent(e -> stages.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
                    case ORDERS -> order(sheet, row, seen).ifPresent(orders::add);
                    case COMMITS -> commit(sheet, row, seen).ifPresent(commits::add);
                    default -> throw new IllegalArgumentException(sheet.kind() + " is no history file");
                }
                rowDone.run();
            }
            if (sheet.kind() == ImportKind.STAGE_HISTORY) {
                stages.replaceAll((line, entries) -> checkPath(sheet, line, entries, lostFrom.get(line)));
            }
        }
        stages.values().removeIf(List::isEmpty);
        return new HistoryRows(stages, lostFrom, orders, commits);
    }

    /** Reads each deal's ref (or name) and lost_from; returns the valid lost_from stages by line. */
    private Map<Integer, String> indexDeals(Sheet sheet) {
        Map<Integer, String> lostFrom = new HashMap<>();
        Map<String, Integer> refs = new HashMap<>();
        StageModel model = rules.stageModel();
        for (CsvRecord row : sheet.rows()) {
            int line = row.line();
            String ref = sheet.value(row, "ref");
            String name = sheet.value(row, "name");
            names.put(line, ref.isEmpty() ? name : ref);
            if (!ref.isEmpty()) {
                Integer first = refs.putIfAbsent(ref.toLowerCase(Locale.ROOT), line);
                if (first != null) {
                    problem(sheet, line, "ref", "Duplicate: ref '" + ref + "' is already on line " + first + ".");
                }
            }
            String key = (ref.isEmpty() ? name : ref).toLowerCase(Locale.ROOT);
            if (!key.isEmpty()) {
                dealLines.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
            }
            String lost = sheet.value(row, "lost_from");
            if (lost.isEmpty()) {
                continue;
            }
            Optional<Stage> stage = openStage(lost);
            DealRow deal = deals.get(line);
            if (stage.isEmpty()) {
                problem(sheet, line, "lost_from", "Lost from must be an open stage of " + model.name() + " ("
                        + String.join(", ", openCodes()) + "), got '" + lost + "'.");
            } else if (deal != null && model.stage(deal.stageCode()).kind() != StageKind.LOST) {
                problem(sheet, line, "lost_from", "Lost from is only for lost deals; this one is in " + model.stage(deal.stageCode()).name() + ".");
            } else if (deal != null && !rules.funnel().inFunnel(deal.amount())) {
                problem(sheet, line, "lost_from", smallDeal());
            } else if (deal != null) {
                lostFrom.put(line, stage.get().code());
            }
        }
        return lostFrom;
    }

    private Optional<Map.Entry<Integer, StageEntry>> stageEntry(Sheet sheet, CsvRecord row) {
        int line = row.line();
        Optional<Integer> deal = deal(sheet, row);
        String stageText = sheet.value(row, "stage");
        Optional<Stage> stage = stageText.isEmpty() ? Optional.empty() : openStage(stageText);
        if (stageText.isEmpty()) {
            problem(sheet, line, "stage", "Stage is required: one of " + String.join(", ", openCodes()) + ".");
        } else if (stage.isEmpty()) {
            problem(sheet, line, "stage", "The stage history lists the open stages a deal entered (" + String.join(", ", openCodes())
                    + "); got '" + stageText + "'. Won or lost comes from the deal's stage and closed_on.");
        }
        LocalDate entered = problems.date(sheet, line, "entered_on", "Entered on", sheet.value(row, "entered_on"), true);
        if (entered != null && entered.isAfter(rules.today())) {
            problem(sheet, line, "entered_on", "Entered on " + entered + " is in the future.");
            entered = null;
        }
        if (deal.isEmpty() || stage.isEmpty() || entered == null) {
            return Optional.empty();
        }
        DealRow d = deals.get(deal.get());
        if (d == null) {
            return Optional.empty();    // the deal's own row is bad: reported there
        }
        if (!rules.funnel().inFunnel(d.amount())) {
            problem(sheet, line, "deal", smallDeal());
            return Optional.empty();
        }
        if (d.createdOn() != null && entered.isBefore(d.createdOn())) {
            problem(sheet, line, "entered_on", "Entered on " + entered + " is before deal '" + names.get(deal.get())
                    + "' was created (" + d.createdOn() + ").");
            return Optional.empty();
        }
        // an open deal whose expected close date has passed is overdue, not closed: its stages may be entered after that date
        LocalDate closed = rules.stageModel().stage(d.stageCode()).isOpen() ? null : closedOn(d);
        if (closed != null && entered.isAfter(closed)) {
            problem(sheet, line, "entered_on", "Entered on " + entered + " is after deal '" + names.get(deal.get()) + "' closed ("
                    + closed + ").");
            return Optional.empty();
        }
        return Optional.of(Map.entry(deal.get(), new StageEntry(line, stage.get().code(), entered)));
    }

    /** One deal's entries in date order (then file order); the latest must be where the deal stands (or was lost from). */
    private List<StageEntry> checkPath(Sheet sheet, int dealLine, List<StageEntry> entries, String lostFrom) {
        List<StageEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(StageEntry::enteredOn).thenComparing(StageEntry::line));
        for (int i = 1; i < sorted.size(); i++) {
            StageEntry before = sorted.get(i - 1);
            StageEntry entry = sorted.get(i);
            if (before.stageCode().equals(entry.stageCode()) && before.enteredOn().equals(entry.enteredOn())) {
                problem(sheet, entry.line(), "stage", "Duplicate: deal '" + names.get(dealLine) + "' entered " + entry.stageCode()
                        + " on " + entry.enteredOn() + " on line " + before.line() + " already.");
            }
        }
        DealRow deal = deals.get(dealLine);
        StageEntry last = sorted.get(sorted.size() - 1);
        Stage current = rules.stageModel().stage(deal.stageCode());
        String expected = current.kind() == StageKind.OPEN ? current.code() : current.kind() == StageKind.LOST ? lostFrom : null;
        if (expected != null && !expected.equals(last.stageCode())) {
            problem(sheet, last.line(), "stage", "The latest stage of deal '" + names.get(dealLine) + "' must be "
                    + (current.kind() == StageKind.OPEN ? "its stage in the opportunities file" : "the stage it was lost from")
                    + " (" + expected + "), got " + last.stageCode() + " on " + last.enteredOn() + ".");
        }
        return sorted;
    }

    private Optional<OrderRow> order(Sheet sheet, CsvRecord row, Map<String, Integer> seen) {
        int line = row.line();
        String ref = sheet.value(row, "deal");
        boolean stored = !ref.isEmpty() && !dealLines.containsKey(ref.toLowerCase(Locale.ROOT));
        Optional<Integer> dealLine = stored ? Optional.empty() : deal(sheet, row);
        LocalDate ordered = problems.date(sheet, line, "ordered_on", "Ordered on", sheet.value(row, "ordered_on"), true);
        BigDecimal amount = amount(sheet, line, "amount", sheet.value(row, "amount"));
        LocalDate invoiced = problems.date(sheet, line, "invoiced_on", "Invoiced on", sheet.value(row, "invoiced_on"), false);
        LocalDate due = problems.date(sheet, line, "due_on", "Due on", sheet.value(row, "due_on"), false);
        LocalDate paid = problems.date(sheet, line, "paid_on", "Paid on", sheet.value(row, "paid_on"), false);
        BigDecimal paidAmount = amount(sheet, line, "paid_amount", sheet.value(row, "paid_amount"));
        notInFuture(sheet, line, "ordered_on", "Ordered on", ordered);
        notInFuture(sheet, line, "invoiced_on", "Invoiced on", invoiced);
        notInFuture(sheet, line, "paid_on", "Paid on", paid);
        if (invoiced != null && ordered != null && invoiced.isBefore(ordered)) {
            problem(sheet, line, "invoiced_on", "Invoiced on " + invoiced + " is before the order (" + ordered + ").");
        }
        if (due != null && invoiced == null) {
            problem(sheet, line, "due_on", "Due on is the invoice's due date: invoiced_on is required with it.");
        } else if (due != null && due.isBefore(invoiced)) {
            problem(sheet, line, "due_on", "Due on " + due + " is before the invoice (" + invoiced + ").");
        }
        if ((paid != null || paidAmount != null) && invoiced == null) {
            problem(sheet, line, paid != null ? "paid_on" : "paid_amount", "A payment is made against an invoice: invoiced_on is required with it.");
        } else if (paid != null && paid.isBefore(invoiced)) {
            problem(sheet, line, "paid_on", "Paid on " + paid + " is before the invoice (" + invoiced + ").");
        } else if (paidAmount != null && paid == null) {
            problem(sheet, line, "paid_on", "Paid on is required with a paid amount.");
        }
        if (stored) {
            return storedDealOrder(sheet, line, ref, seen, ordered, amount, invoiced, due, paid, paidAmount);
        }
        if (dealLine.isEmpty() || !deals.containsKey(dealLine.get())) {
            return Optional.empty();
        }
        DealRow deal = deals.get(dealLine.get());
        String name = names.get(dealLine.get());
        Integer first = seen.putIfAbsent("deal:" + dealLine.get(), line);
        if (first != null) {
            problem(sheet, line, "deal", "Duplicate: the order of deal '" + name + "' is already on line " + first + "; a deal has one order.");
        }
        if (rules.stageModel().stage(deal.stageCode()).kind() != StageKind.WON) {
            problem(sheet, line, "deal", "Only a won deal has an order; deal '" + name + "' is in "
                    + rules.stageModel().stage(deal.stageCode()).name() + ".");
        } else if (ordered != null && ordered.isBefore(closedOn(deal))) {
            problem(sheet, line, "ordered_on", "Ordered on " + ordered + " is before deal '" + name + "' was won (" + closedOn(deal) + ").");
        }
        BigDecimal orderAmount = amount != null ? amount : deal.amount();
        paidAtMostOrder(sheet, line, paidAmount, orderAmount);
        return Optional.of(new OrderRow(line, dealLine.get(), orderAmount, ordered, invoiced, due, paid,
                paid != null && paidAmount == null ? orderAmount : paidAmount, null, null));
    }

    /**
     * An order of a deal that is not in this import's opportunities file: a won deal imported (or won) before, named by the
     * ref it was imported with or else by its name, of the importer's team, without an order yet.
     */
    private Optional<OrderRow> storedDealOrder(Sheet sheet, int line, String ref, Map<String, Integer> seen, LocalDate ordered,
                                               BigDecimal amount, LocalDate invoiced, LocalDate due, LocalDate paid, BigDecimal paidAmount) {
        List<ImportLookups.StoredDeal> found = lookups.storedDeals(ref).stream().filter(d -> rules.mayOwn(d.ownerId())).toList();
        if (found.isEmpty()) {
            problem(sheet, line, "deal", "No deal '" + ref + "' in this import's opportunities file (by its ref, or its name) nor among "
                    + "the deals of your team imported before: an order belongs to a won deal.");
            return Optional.empty();
        }
        if (found.size() > 1) {
            problem(sheet, line, "deal", "Deal '" + ref + "' names " + found.size() + " deals of your team imported before: use the ref "
                    + "each was imported with.");
            return Optional.empty();
        }
        ImportLookups.StoredDeal deal = found.get(0);
        Integer first = seen.putIfAbsent("stored:" + deal.id(), line);
        if (first != null) {
            problem(sheet, line, "deal", "Duplicate: the order of deal '" + ref + "' is already on line " + first + "; a deal has one order.");
        } else if (!"WON".equals(deal.status())) {
            problem(sheet, line, "deal", "Only a won deal has an order; deal '" + ref + "' is " + deal.status().toLowerCase(Locale.ROOT) + ".");
        } else if (deal.hasOrder()) {
            problem(sheet, line, "deal", "Deal '" + ref + "' already has an order.");
        } else if (ordered != null && deal.closedOn() != null && ordered.isBefore(deal.closedOn())) {
            problem(sheet, line, "ordered_on", "Ordered on " + ordered + " is before deal '" + ref + "' was won (" + deal.closedOn() + ").");
        }
        BigDecimal orderAmount = amount != null ? amount : deal.amount();
        paidAtMostOrder(sheet, line, paidAmount, orderAmount);
        return Optional.of(new OrderRow(line, 0, orderAmount, ordered, invoiced, due, paid,
                paid != null && paidAmount == null ? orderAmount : paidAmount, deal.id(), deal.currency()));
    }

    private void paidAtMostOrder(Sheet sheet, int line, BigDecimal paidAmount, BigDecimal orderAmount) {
        if (paidAmount != null && orderAmount != null && paidAmount.compareTo(orderAmount) > 0) {
            problem(sheet, line, "paid_amount", "Paid amount " + paidAmount.toPlainString() + " is more than the order ("
                    + orderAmount.toPlainString() + ").");
        }
    }

    private Optional<CommitRow> commit(Sheet sheet, CsvRecord row, Map<String, Integer> seen) {
        int line = row.line();
        String rep = sheet.value(row, "rep");
        String weekText = sheet.value(row, "week");
        BigDecimal commit = amount(sheet, line, "commit", sheet.value(row, "commit"));
        if (commit == null && sheet.value(row, "commit").isEmpty()) {
            problem(sheet, line, "commit", "Commit is required (0 or more).");
        }
        BigDecimal upside = amount(sheet, line, "upside", sheet.value(row, "upside"));
        boolean repOk = false;
        if (rep.isEmpty()) {
            problem(sheet, line, "rep", "Rep is required: the login of a rep.");
        } else {
            Optional<Person> person = lookups.person(rep);
            if (person.isEmpty()) {
                problem(sheet, line, "rep", "Rep '" + rep + "' is not a known person.");
            } else if (person.get().role() != Role.REP) {
                problem(sheet, line, "rep", "'" + rep + "' is not a rep: weekly commits are the reps' (managers' figures roll up).");
            } else if (!rules.mayOwn(rep)) {
                problem(sheet, line, "rep", "Rep '" + rep + "' is not in your team.");
            } else {
                repOk = true;
            }
        }
        LocalDate monday = week(sheet, line, weekText);
        if (monday == null || !repOk || commit == null) {
            return Optional.empty();
        }
        Integer first = seen.putIfAbsent(rep + "|" + monday, line);
        if (first != null) {
            problem(sheet, line, "week", "Duplicate: the commit of " + rep + " for the week of " + monday + " is already on line " + first + ".");
        } else if (lookups.commitExists(rep, monday)) {
            problem(sheet, line, "week", rep + " already has a weekly commit for the week of " + monday + ".");
        }
        return Optional.of(new CommitRow(line, rep, monday, commit, upside == null ? BigDecimal.ZERO : upside));
    }

    /** "2025-W40" or any day of the week; the Monday; a week that has not ended yet is refused. */
    private LocalDate week(Sheet sheet, int line, String text) {
        if (text.isEmpty()) {
            problem(sheet, line, "week", "Week is required, like 2025-W40 or a date in the week (2025-09-29).");
            return null;
        }
        LocalDate monday;
        Matcher m = WEEK.matcher(text.toUpperCase(Locale.ROOT));
        try {
            if (m.matches()) {
                monday = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)))
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            } else {
                monday = LocalDate.parse(text).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            problem(sheet, line, "week", "Week must be like 2025-W40 or a date in the week (2025-09-29), got '" + text + "'.");
            return null;
        }
        LocalDate thisMonday = rules.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (!monday.isBefore(thisMonday)) {
            problem(sheet, line, "week", "The week of " + monday + " has not ended yet: import past weeks only; this week's commit is "
                    + "submitted in the cadence.");
            return null;
        }
        return monday;
    }

    /** The line of the deal a history row names, reported when unknown or ambiguous. */
    private Optional<Integer> deal(Sheet sheet, CsvRecord row) {
        String ref = sheet.value(row, "deal");
        int line = row.line();
        if (ref.isEmpty()) {
            problem(sheet, line, "deal", "Deal is required: the ref (or name) of a deal of this import's opportunities file.");
            return Optional.empty();
        }
        List<Integer> lines = dealLines.getOrDefault(ref.toLowerCase(Locale.ROOT), List.of());
        if (lines.isEmpty()) {
            problem(sheet, line, "deal", "No deal '" + ref + "' in this import's opportunities file (by its ref, or its name): "
                    + "a deal's history is imported together with the deal.");
            return Optional.empty();
        }
        if (lines.size() > 1) {
            problem(sheet, line, "deal", "Deal name '" + ref + "' is on lines " + lines.stream().map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElse("") + " of the opportunities file: give each a ref and use it here.");
            return Optional.empty();
        }
        return Optional.of(lines.get(0));
    }

    private Optional<Stage> openStage(String text) {
        return rules.stageModel().stages().stream().filter(Stage::isOpen)
                .filter(s -> s.code().equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)).findFirst();
    }

    private List<String> openCodes() {
        return rules.stageModel().stages().stream().filter(Stage::isOpen).map(Stage::code).toList();
    }

    private String smallDeal() {
        return "A deal below " + rules.funnel().outOfFunnelBelow().toPlainString() + " is out of the funnel: it has no stage history.";
    }

    private static LocalDate closedOn(DealRow deal) {
        return deal.closedOn() != null ? deal.closedOn() : deal.expectedCloseDate();
    }

    private BigDecimal amount(Sheet sheet, int line, String column, String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!AMOUNT.matcher(text).matches()) {
            problem(sheet, line, column, column.replace('_', ' ') + " must be a number like 125000.00, got '" + text + "'.");
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.scale() > 2) {
            problem(sheet, line, column, column.replace('_', ' ') + " may have at most two decimals.");
            return null;
        }
        return amount;
    }


    private void notInFuture(Sheet sheet, int line, String column, String label, LocalDate date) {
        if (date != null && date.isAfter(rules.today())) {
            problem(sheet, line, column, label + " " + date + " is in the future.");
        }
    }

    private void problem(Sheet sheet, int line, String column, String reason) {
        problems.add(sheet, line, column, reason);
    }
}
