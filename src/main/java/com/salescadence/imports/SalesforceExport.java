package com.salescadence.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.salescadence.organization.Person;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageKind;
import com.salescadence.pipeline.stage.StageModel;

/**
 * Reads a Salesforce data export as it comes (User.csv, Account.csv, Opportunity.csv, OpportunityHistory.csv and, when
 * there is no OpportunityHistory.csv, OpportunityFieldHistory.csv's StageName changes) and turns it into this import's
 * accounts, opportunities and stage history, which the usual checks then read. Every row keeps its line in the export's
 * file, and every problem names that file and Salesforce's field.
 * <ul>
 * <li>Users are matched to active people by e-mail; an owner (OwnerId) who matches no one is refused: add them first.</li>
 * <li>Accounts are created unless an account of that name exists (the deals then join it), with tier OTHER.</li>
 * <li>A deal's stage: the won or lost stage when IsClosed (by IsWon), else the stage its StageName maps to; Probability
 * is not read (the stage's win rate applies); a lost deal's loss reason names its Salesforce stage; a deal below the
 * funnel's threshold stays out of the funnel (the first stage, no history). Deleted rows (IsDeleted) are left out.</li>
 * <li>Stage history: each change to an open stage with the day it happened (CreatedDate), a day after the close date
 * counted on the close date; the stage a lost deal was lost from is the last open stage it was in.</li>
 * </ul>
 */
final class SalesforceExport {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ImportRules rules;
    private final ImportLookups lookups;
    private final ImportProblems problems;
    private final Map<String, CsvRecord> users = new HashMap<>();
    private final Map<String, Optional<Person>> people = new HashMap<>();
    private Sheet userSheet;

    SalesforceExport(ImportRules rules, ImportLookups lookups, ImportProblems problems) {
        this.rules = rules;
        this.lookups = lookups;
        this.problems = problems;
    }

    /** A deal of Opportunity.csv that passed this translation. */
    private record Deal(CsvRecord row, Stage stage, LocalDate createdOn, LocalDate closedOn, boolean inFunnel) {
    }

    /** A stage a deal was in from a moment on (a row of one of the history files). */
    private record Change(int line, String stageName, String at, int order, Sheet sheet, String column) {
    }

    List<Sheet> translate(List<Sheet> files) {
        Map<ImportKind, Sheet> byKind = new HashMap<>();
        files.forEach(s -> byKind.put(s.kind(), s));
        userSheet = byKind.get(ImportKind.SALESFORCE_USER);
        if (userSheet != null) {
            for (CsvRecord row : userSheet.rows()) {
                String id = userSheet.value(row, "Id");
                if (users.putIfAbsent(id, row) != null) {
                    problem(userSheet, row.line(), "Id", "Duplicate: user " + id + " is already on line " + users.get(id).line() + ". / 重复：用户 "
                            + id + " 已在第 " + users.get(id).line() + " 行。");
                }
            }
        }
        Sheet opportunities = byKind.get(ImportKind.SALESFORCE_OPPORTUNITY);
        SalesforceStages stages = new SalesforceStages(rules.stageModel(), rules.stageMapping(), SalesforceStages.evidence(opportunities));
        Map<String, String> accountNames = new HashMap<>();
        List<Sheet> translated = new ArrayList<>();
        Sheet accounts = byKind.get(ImportKind.SALESFORCE_ACCOUNT);
        if (accounts != null) {
            translated.add(accounts(accounts, accountNames));
        }
        if (opportunities != null) {
            Map<String, Deal> deals = new LinkedHashMap<>();
            List<CsvRecord> dealRows = deals(opportunities, accounts != null, accountNames, stages, deals);
            Map<String, String> lostFrom = new HashMap<>();
            List<CsvRecord> history = history(byKind, stages, deals, lostFrom);
            List<CsvRecord> withLostFrom = dealRows.stream().map(r -> lostFrom.containsKey(valueOf(ImportKind.OPPORTUNITIES, r, "ref"))
                    ? with(ImportKind.OPPORTUNITIES, r, "lost_from", lostFrom.get(valueOf(ImportKind.OPPORTUNITIES, r, "ref"))) : r).toList();
            translated.add(Sheet.translated(ImportKind.OPPORTUNITIES, withLostFrom, ImportKind.SALESFORCE_OPPORTUNITY, Map.ofEntries(
                    Map.entry("account", "AccountId"), Map.entry("name", "Name"), Map.entry("owner", "OwnerId"), Map.entry("amount", "Amount"),
                    Map.entry("currency", "CurrencyIsoCode"), Map.entry("expected_close_date", "CloseDate"), Map.entry("stage", "StageName"),
                    Map.entry("probability", "Probability"), Map.entry("closed_on", "CloseDate"), Map.entry("created_on", "CreatedDate"),
                    Map.entry("loss_reason", "StageName"), Map.entry("ref", "Id"), Map.entry("lost_from", "StageName"))));
            if (!history.isEmpty()) {
                boolean fields = !byKind.containsKey(ImportKind.SALESFORCE_OPPORTUNITY_HISTORY);
                translated.add(Sheet.translated(ImportKind.STAGE_HISTORY, history, fields ? ImportKind.SALESFORCE_OPPORTUNITY_FIELD_HISTORY
                        : ImportKind.SALESFORCE_OPPORTUNITY_HISTORY, Map.of("deal", "OpportunityId", "stage", fields ? "NewValue" : "StageName",
                        "entered_on", "CreatedDate")));
            }
        }
        return translated;
    }

    private Sheet accounts(Sheet sheet, Map<String, String> accountNames) {
        Map<String, CsvRecord> live = new LinkedHashMap<>();
        for (CsvRecord row : sheet.rows()) {
            if (!Boolean.TRUE.equals(SalesforceStages.flag(sheet.value(row, "IsDeleted")))) {
                live.put(sheet.value(row, "Id") + "#" + row.line(), row);
            }
        }
        Set<String> existing = new HashSet<>();
        Set<String> names = new HashSet<>();
        live.values().forEach(r -> names.add(AccountService.nameKey(sheet.value(r, "Name"))));
        names.remove("");
        if (!names.isEmpty()) {
            lookups.accountsNamed(names).forEach(a -> existing.add(AccountService.nameKey(a.name())));
        }
        List<CsvRecord> rows = new ArrayList<>();
        for (CsvRecord row : live.values()) {
            String id = sheet.value(row, "Id");
            String name = sheet.value(row, "Name");
            if (accountNames.putIfAbsent(id, name) != null) {
                problem(sheet, row.line(), "Id", "Duplicate: account " + id + " is on an earlier line. / 重复：客户 " + id + " 已在前面的行中。");
                continue;
            }
            if (!name.isEmpty() && existing.contains(AccountService.nameKey(name))) {
                continue;   // the account is here already: its deals join it
            }
            String owner = owner(sheet, row);
            if (owner != null) {
                rows.add(row(ImportKind.ACCOUNTS, row.line(), Map.of("name", name, "tier", "OTHER",
                        "industry", sheet.value(row, "Industry"), "owner", owner)));
            }
        }
        return Sheet.translated(ImportKind.ACCOUNTS, rows, ImportKind.SALESFORCE_ACCOUNT,
                Map.of("name", "Name", "tier", "Name", "industry", "Industry", "owner", "OwnerId"));
    }

    private List<CsvRecord> deals(Sheet sheet, boolean withAccounts, Map<String, String> accountNames, SalesforceStages stages,
                                  Map<String, Deal> deals) {
        StageModel model = rules.stageModel();
        List<CsvRecord> rows = new ArrayList<>();
        for (CsvRecord row : sheet.rows()) {
            if (Boolean.TRUE.equals(SalesforceStages.flag(sheet.value(row, "IsDeleted")))) {
                continue;
            }
            int line = row.line();
            int before = problems.count();
            String id = sheet.value(row, "Id");
            if (deals.containsKey(id)) {
                problem(sheet, line, "Id", "Duplicate: opportunity " + id + " is already on line " + deals.get(id).row().line()
                        + ". / 重复：商机 " + id + " 已在第 " + deals.get(id).row().line() + " 行。");
            }
            String accountId = sheet.value(row, "AccountId");
            String account = accountNames.get(accountId);
            if (accountId.isEmpty()) {
                problem(sheet, line, "AccountId", "AccountId is empty: every deal here belongs to an account. / AccountId 为空：每个商机都必须属于一个客户。");
            } else if (account == null) {
                problem(sheet, line, "AccountId", withAccounts
                        ? "Account " + accountId + " is not in Account.csv. / 客户 " + accountId + " 不在 Account.csv 中。"
                        : "Account " + accountId + " cannot be named: add Account.csv of the same export. / 无法确定客户 " + accountId
                                + "：请添加同一导出中的 Account.csv。");
            }
            String owner = owner(sheet, row);
            Boolean closed = SalesforceStages.flag(sheet.value(row, "IsClosed"));
            Boolean won = SalesforceStages.flag(sheet.value(row, "IsWon"));
            if (closed == null || won == null) {
                problem(sheet, line, closed == null ? "IsClosed" : "IsWon", "IsClosed and IsWon must be true or false. / IsClosed 和 IsWon 必须是 true 或 false。");
            }
            String stageName = sheet.value(row, "StageName");
            BigDecimal amount = number(sheet.value(row, "Amount"));
            boolean inFunnel = amount == null || rules.funnel().inFunnel(amount);
            Stage stage = null;
            if (closed != null && won != null && closed) {
                stage = won ? model.won() : model.lost();
            } else if (closed != null && won != null) {
                Optional<Stage> mapped = stages.resolve(stageName);
                if (mapped.isEmpty()) {
                    problem(sheet, line, "StageName", unmapped(stageName));
                } else if (mapped.get().kind() != StageKind.OPEN) {
                    problem(sheet, line, "StageName", "Stage '" + stageName + "' is mapped to " + mapped.get().name()
                            + ", but this opportunity is open (IsClosed is false): map it to an open stage. / 阶段“" + stageName
                            + "”映射为“" + mapped.get().name("zh") + "”，但该商机未关闭（IsClosed 为 false）：请映射到一个进行中的阶段。");
                } else {
                    stage = inFunnel ? mapped.get() : model.first();
                }
            }
            LocalDate createdOn = day(sheet, line, "CreatedDate", sheet.value(row, "CreatedDate"));
            String closeDate = sheet.value(row, "CloseDate");
            if (problems.count() != before || stage == null || owner == null) {
                continue;
            }
            LocalDate closedOn = stage.isOpen() || !DAY.matcher(closeDate).matches() ? null : LocalDate.parse(closeDate);
            deals.put(id, new Deal(row, stage, createdOn, closedOn, inFunnel));
            Map<String, String> values = new HashMap<>();
            values.put("account", account);
            values.put("name", sheet.value(row, "Name"));
            values.put("owner", owner);
            values.put("amount", sheet.value(row, "Amount"));
            values.put("currency", sheet.value(row, "CurrencyIsoCode"));
            values.put("expected_close_date", closeDate);
            values.put("stage", stage.code());
            values.put("closed_on", stage.isOpen() ? "" : closeDate);
            values.put("created_on", createdOn == null ? "" : createdOn.toString());
            values.put("loss_reason", stage.kind() == StageKind.LOST ? "Salesforce: " + stageName : "");
            values.put("ref", id);
            rows.add(row(ImportKind.OPPORTUNITIES, line, values));
        }
        return rows;
    }

    /** The stage history rows of the deals in the funnel; fills in the stage each lost deal was lost from. */
    private List<CsvRecord> history(Map<ImportKind, Sheet> byKind, SalesforceStages stages, Map<String, Deal> deals,
                                    Map<String, String> lostFrom) {
        Map<String, List<Change>> changes = new HashMap<>();
        Sheet history = byKind.get(ImportKind.SALESFORCE_OPPORTUNITY_HISTORY);
        Sheet fields = byKind.get(ImportKind.SALESFORCE_OPPORTUNITY_FIELD_HISTORY);
        if (history != null) {
            for (CsvRecord row : history.rows()) {
                if (!Boolean.TRUE.equals(SalesforceStages.flag(history.value(row, "IsDeleted")))) {
                    changes.computeIfAbsent(history.value(row, "OpportunityId"), k -> new ArrayList<>()).add(new Change(row.line(),
                            history.value(row, "StageName"), history.value(row, "CreatedDate"), 1, history, "StageName"));
                }
            }
        } else if (fields != null) {
            Set<String> started = new HashSet<>();
            List<CsvRecord> stageRows = fields.rows().stream()
                    .filter(r -> fields.value(r, "Field").equalsIgnoreCase("StageName"))
                    .filter(r -> !Boolean.TRUE.equals(SalesforceStages.flag(fields.value(r, "IsDeleted"))))
                    .sorted(Comparator.comparing((CsvRecord r) -> fields.value(r, "CreatedDate")).thenComparing(CsvRecord::line)).toList();
            for (CsvRecord row : stageRows) {
                String deal = fields.value(row, "OpportunityId");
                List<Change> list = changes.computeIfAbsent(deal, k -> new ArrayList<>());
                String at = fields.value(row, "CreatedDate");
                if (started.add(deal) && deals.containsKey(deal)) {
                    // the stage before the first change: the deal was in it since it was created
                    Deal d = deals.get(deal);
                    String since = d.createdOn() == null ? at : d.createdOn().toString();
                    list.add(new Change(row.line(), fields.value(row, "OldValue"), since, 0, fields, "OldValue"));
                }
                list.add(new Change(row.line(), fields.value(row, "NewValue"), at, 1, fields, "NewValue"));
            }
        }
        List<CsvRecord> rows = new ArrayList<>();
        for (Map.Entry<String, Deal> entry : deals.entrySet()) {
            Deal deal = entry.getValue();
            List<Change> list = changes.getOrDefault(entry.getKey(), List.of());
            if (!deal.inFunnel() || list.isEmpty()) {
                continue;
            }
            list = list.stream().sorted(Comparator.comparing(Change::at).thenComparing(Change::order).thenComparing(Change::line)).toList();
            String lastOpen = null;
            boolean closedSince = false;
            Set<String> entered = new HashSet<>();
            for (Change change : list) {
                if (change.stageName().isBlank()) {
                    continue;
                }
                Optional<Stage> stage = stages.resolve(change.stageName());
                if (stage.isEmpty()) {
                    problem(change.sheet(), change.line(), change.column(), unmapped(change.stageName()));
                    continue;
                }
                LocalDate day = day(change.sheet(), change.line(), "CreatedDate", change.at());
                if (day == null) {
                    continue;
                }
                if (!stage.get().isOpen()) {
                    closedSince = true;
                    continue;
                }
                if (deal.closedOn() != null && day.isAfter(deal.closedOn())) {
                    day = deal.closedOn();
                }
                if (deal.createdOn() != null && day.isBefore(deal.createdOn())) {
                    day = deal.createdOn();
                }
                String code = stage.get().code();
                if ((!code.equals(lastOpen) || closedSince) && entered.add(code + "@" + day)) {
                    rows.add(row(ImportKind.STAGE_HISTORY, change.line(), Map.of("deal", entry.getKey(), "stage", code,
                            "entered_on", day.toString())));
                }
                lastOpen = code;
                closedSince = false;
            }
            if (deal.stage().kind() == StageKind.LOST && lastOpen != null) {
                lostFrom.put(entry.getKey(), lastOpen);
            }
        }
        rows.sort(Comparator.comparing(CsvRecord::line));
        return rows;
    }

    /** The login of the person an OwnerId is, matched through User.csv by e-mail; null (and a problem) when none. */
    private String owner(Sheet sheet, CsvRecord row) {
        String id = sheet.value(row, "OwnerId");
        int line = row.line();
        if (id.isEmpty()) {
            problem(sheet, line, "OwnerId", "OwnerId is empty. / OwnerId 为空。");
            return null;
        }
        if (userSheet == null) {
            problem(sheet, line, "OwnerId", "Owner " + id + " cannot be matched to a person: add User.csv of the same export (users are "
                    + "matched to people by e-mail). / 无法将负责人 " + id + " 对应到人员：请添加同一导出中的 User.csv（按邮箱对应人员）。");
            return null;
        }
        CsvRecord user = users.get(id);
        if (user == null) {
            problem(sheet, line, "OwnerId", "User " + id + " is not in User.csv. / 用户 " + id + " 不在 User.csv 中。");
            return null;
        }
        String email = userSheet.value(user, "Email");
        Optional<Person> person = email.isEmpty() ? Optional.empty() : people.computeIfAbsent(email, lookups::personByEmail);
        if (person.isEmpty()) {
            String who = userSheet.value(user, "Name") + " <" + email + ">";
            problem(sheet, line, "OwnerId", "User " + id + " (" + who + ", User.csv line " + user.line() + ") is no active person here: "
                    + "add them on the people page first (matched by e-mail). / 用户 " + id + "（" + who + "，User.csv 第 " + user.line()
                    + " 行）不是本系统的在职人员：请先在人员页面添加（按邮箱对应）。");
            return null;
        }
        return person.get().id();
    }

    private String unmapped(String stageName) {
        StageModel model = rules.stageModel();
        return "Stage '" + stageName + "' has no stage of " + model.name() + " chosen: choose one for it on the import page (stageMapping). / "
                + "阶段“" + stageName + "”尚未对应到" + model.name("zh") + "的阶段：请在导入页面为其选择一个阶段（stageMapping）。";
    }

    /** The day of a Salesforce date or date-time (2025-01-15 or 2025-01-15T08:30:00.000Z); null and a problem when none. */
    private LocalDate day(Sheet sheet, int line, String column, String text) {
        if (text.isEmpty()) {
            return null;
        }
        String day = text.length() >= 10 ? text.substring(0, 10) : text;
        if (!DAY.matcher(day).matches()) {
            problem(sheet, line, column, column + " must be a date like 2025-01-15T08:30:00.000Z, got '" + text + "'. / " + column
                    + " 必须是类似 2025-01-15T08:30:00.000Z 的日期，实际为“" + text + "”。");
            return null;
        }
        try {
            return LocalDate.parse(day);
        } catch (java.time.DateTimeException e) {
            problem(sheet, line, column, column + " is no date: '" + text + "'. / " + column + " 不是有效日期：“" + text + "”。");
            return null;
        }
    }

    private static BigDecimal number(String text) {
        try {
            return text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CsvRecord row(ImportKind kind, int line, Map<String, String> values) {
        return new CsvRecord(line, kind.columns().stream().map(c -> values.getOrDefault(c.name(), "")).map(v -> v == null ? "" : v).toList());
    }

    private static String valueOf(ImportKind kind, CsvRecord row, String column) {
        List<Column> columns = kind.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(column)) {
                return row.values().get(c);
            }
        }
        throw new IllegalArgumentException(column);
    }

    private static CsvRecord with(ImportKind kind, CsvRecord row, String column, String value) {
        List<String> values = new ArrayList<>(row.values());
        List<Column> columns = kind.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(column)) {
                values.set(c, value);
            }
        }
        return new CsvRecord(row.line(), values);
    }

    private void problem(Sheet sheet, int line, String column, String reason) {
        problems.add(sheet, line, column, reason);
    }
}
