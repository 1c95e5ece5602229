package com.salescadence.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import com.salescadence.common.Checks;
import com.salescadence.common.ValidationException;
import com.salescadence.imports.ImportRows.AccountRef;
import com.salescadence.imports.ImportRows.AccountRow;
import com.salescadence.imports.ImportRows.ContactRow;
import com.salescadence.imports.ImportRows.DealRow;
import com.salescadence.imports.ImportRows.PersonRow;
import com.salescadence.imports.ImportRows.QuotaRow;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.pipeline.ContactService;
import com.salescadence.pipeline.stage.ProbabilityRule;
import com.salescadence.pipeline.stage.Stage;
import com.salescadence.pipeline.stage.StageKind;
import com.salescadence.pipeline.stage.StageModel;

/**
 * Checks every row of an import and reports every bad value with its line, column and reason; it stores
 * nothing. The rules are the product's own: the field checks of {@link Checks} and {@link ContactService},
 * the stage model, {@link ProbabilityRule}'s cap, the funnel policy. Accounts are read first, so contacts and
 * deals may name an account of the same import. One instance per import (it caches what it looked up).
 */
public final class ImportValidator {

    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s*%?");

    private final ImportRules rules;
    private final ImportLookups lookups;
    /** The first problems listed, the others only counted (a hostile file has millions). */
    private final ImportProblems problems;
    private final Map<String, Optional<Person>> people = new HashMap<>();
    /** Accounts of this import's accounts file, by name key: the line they are on. */
    private final Map<String, Integer> fileAccounts = new HashMap<>();
    private final Map<String, String> fileAccountOwners = new HashMap<>();
    private final Map<String, List<Account>> databaseAccounts = new HashMap<>();

    /** At most 100 problems listed. */
    public ImportValidator(ImportRules rules, ImportLookups lookups) {
        this(rules, lookups, 100);
    }

    public ImportValidator(ImportRules rules, ImportLookups lookups, int maxProblems) {
        this.rules = rules;
        this.lookups = lookups;
        this.problems = new ImportProblems(maxProblems);
    }

    /** Validates the sheets (any order; accounts go first); {@code progress} hears the count of rows checked. */
    public ImportRows validate(List<Sheet> sheets, IntConsumer progress) {
        if (sheets.stream().anyMatch(s -> s.kind().salesforce())) {
            // a Salesforce export is read as this import's accounts, opportunities and stage history
            List<Sheet> translated = new ArrayList<>(sheets.stream().filter(s -> !s.kind().salesforce()).toList());
            translated.addAll(new SalesforceExport(rules, lookups, problems).translate(
                    sheets.stream().filter(s -> s.kind().salesforce()).toList()));
            sheets = translated;
        }
        List<Sheet> ordered = sheets.stream().sorted(Comparator.comparing(Sheet::kind)).toList();
        loadDatabaseAccounts(ordered);
        List<AccountRow> accounts = new ArrayList<>();
        List<ContactRow> contacts = new ArrayList<>();
        List<DealRow> deals = new ArrayList<>();
        TeamSheets team = new TeamSheets(rules, lookups, problems);
        List<PersonRow> newPeople = new ArrayList<>();
        List<QuotaRow> quotas = new ArrayList<>();
        int done = 0;
        for (Sheet sheet : ordered) {
            if (sheet.kind() == ImportKind.PEOPLE || sheet.kind() == ImportKind.QUOTAS) {
                if (sheet.kind() == ImportKind.PEOPLE) {
                    newPeople.addAll(team.people(sheet, done, progress));
                    team.newPersons().forEach((id, person) -> people.put(id, Optional.of(person)));
                } else {
                    quotas.addAll(team.quotas(sheet, done, progress));
                }
                done += sheet.rows().size();
                continue;
            }
            if (sheet.kind().history()) {
                continue;   // after the deals they refer to, below
            }
            Map<String, Integer> seen = new HashMap<>();
            for (CsvRecord row : sheet.rows()) {
                int before = problems.count();
                switch (sheet.kind()) {
                    case ACCOUNTS -> account(sheet, row, seen).filter(r -> problems.count() == before).ifPresent(accounts::add);
                    case CONTACTS -> contact(sheet, row, seen).filter(r -> problems.count() == before).ifPresent(contacts::add);
                    case OPPORTUNITIES -> deal(sheet, row, seen).filter(r -> problems.count() == before).ifPresent(deals::add);
                    default -> throw new IllegalStateException(sheet.kind() + " is read below");
                }
                progress.accept(++done);
            }
        }
        int[] counted = {done};
        HistoryRows history = new HistoryValidator(rules, lookups, problems).validate(
                ordered.stream().filter(s -> s.kind() == ImportKind.OPPORTUNITIES).findFirst().orElse(null), deals,
                ordered.stream().filter(s -> s.kind().history()).toList(), () -> progress.accept(++counted[0]));
        return new ImportRows(newPeople, quotas, accounts, contacts, deals, problems.listed(), problems.count(), problems.badRows(),
                history);
    }

    private void loadDatabaseAccounts(List<Sheet> sheets) {
        Set<String> names = new LinkedHashSet<>();
        for (Sheet sheet : sheets.stream().filter(s -> !s.kind().history()).toList()) {
            if (sheet.kind() == ImportKind.PEOPLE || sheet.kind() == ImportKind.QUOTAS) {
                continue;
            }
            String column = sheet.kind() == ImportKind.ACCOUNTS ? "name" : "account";
            sheet.rows().forEach(row -> {
                String name = sheet.value(row, column);
                if (!name.isEmpty()) {
                    names.add(AccountService.nameKey(name));
                }
            });
        }
        if (!names.isEmpty()) {
            lookups.accountsNamed(names).forEach(a ->
                    databaseAccounts.computeIfAbsent(AccountService.nameKey(a.name()), k -> new ArrayList<>()).add(a));
        }
    }

    private Optional<AccountRow> account(Sheet sheet, CsvRecord row, Map<String, Integer> seen) {
        String name = sheet.value(row, "name");
        String tierText = sheet.value(row, "tier");
        String industry = sheet.value(row, "industry");
        String owner = sheet.value(row, "owner");
        int line = row.line();
        if (field(sheet, line, "name", Checks.start().requiredName(name, "Account name", Checks.SHORT_TEXT))) {
            String key = AccountService.nameKey(name);
            Integer first = seen.putIfAbsent(key, line);
            if (first != null) {
                problem(sheet, line, "name", "Duplicate: account '" + name + "' is already on line " + first + ".");
            } else if (databaseAccounts.containsKey(key)) {
                problem(sheet, line, "name", "Account '" + name + "' already exists.");
            } else {
                fileAccounts.put(key, line);
                fileAccountOwners.put(key, owner);
            }
        }
        AccountTier tier = null;
        if (tierText.isEmpty()) {
            problem(sheet, line, "tier", "Tier is required: KEY, SECOND or OTHER.");
        } else {
            try {
                tier = AccountTier.valueOf(tierText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(sheet, line, "tier", "Tier must be KEY, SECOND or OTHER, got '" + tierText + "'.");
            }
        }
        field(sheet, line, "industry", Checks.start().optionalText(industry, "Industry", 100));
        owner(sheet, line, owner, true);
        return Optional.of(new AccountRow(line, name, tier, blankToNull(industry), owner));
    }

    private Optional<ContactRow> contact(Sheet sheet, CsvRecord row, Map<String, Integer> seen) {
        int line = row.line();
        String name = sheet.value(row, "name");
        String title = sheet.value(row, "title");
        String email = sheet.value(row, "email");
        String phone = sheet.value(row, "phone");
        String owner = sheet.value(row, "owner");
        Optional<AccountRef> account = accountRef(sheet, row);
        field(sheet, line, "name", Checks.start().requiredName(name, "Contact name", Checks.SHORT_TEXT));
        field(sheet, line, "title", Checks.start().optionalText(title, "Title", Checks.SHORT_TEXT));
        field(sheet, line, "email", ContactService.checkEmail(email, Checks.start()));
        field(sheet, line, "phone", ContactService.checkPhone(phone, Checks.start()));
        if (!owner.isEmpty()) {
            owner(sheet, line, owner, true);
        }
        if (account.isPresent() && !name.isEmpty()) {
            String who = email.isEmpty() ? "name:" + name.toLowerCase(Locale.ROOT) : "email:" + email.toLowerCase(Locale.ROOT);
            Integer first = seen.putIfAbsent(key(account.get()) + "|" + who, line);
            String column = email.isEmpty() ? "name" : "email";
            if (first != null) {
                problem(sheet, line, column, "Duplicate: the same contact of '" + account.get().name() + "' is already on line " + first + ".");
            } else if (account.get().id() != null && lookups.contactExists(account.get().id(), email, name)) {
                problem(sheet, line, column, "Contact '" + (email.isEmpty() ? name : email) + "' of '" + account.get().name()
                        + "' already exists.");
            }
        }
        return account.map(a -> new ContactRow(line, a, name, blankToNull(title), blankToNull(email), blankToNull(phone),
                owner.isEmpty() ? ownerOf(a) : owner));
    }

    private Optional<DealRow> deal(Sheet sheet, CsvRecord row, Map<String, Integer> seen) {
        int line = row.line();
        StageModel model = rules.stageModel();
        String name = sheet.value(row, "name");
        String owner = sheet.value(row, "owner");
        Optional<AccountRef> account = accountRef(sheet, row);
        if (field(sheet, line, "name", Checks.start().requiredName(name, "Opportunity name", Checks.SHORT_TEXT))
                && account.isPresent()) {
            Integer first = seen.putIfAbsent(key(account.get()) + "|" + name.toLowerCase(Locale.ROOT), line);
            if (first != null) {
                problem(sheet, line, "name", "Duplicate: deal '" + name + "' of '" + account.get().name()
                        + "' is already on line " + first + ".");
            } else if (account.get().id() != null && lookups.opportunityExists(account.get().id(), name)) {
                problem(sheet, line, "name", "Deal '" + name + "' of '" + account.get().name() + "' already exists.");
            }
        }
        owner(sheet, line, owner, true);
        BigDecimal amount = amount(sheet, line, sheet.value(row, "amount"));
        String currency = currency(sheet, line, sheet.value(row, "currency"));
        LocalDate expectedClose = problems.date(sheet, line, "expected_close_date", "Expected close date",
                sheet.value(row, "expected_close_date"), true);
        Stage stage = stage(sheet, line, sheet.value(row, "stage"));
        Integer probability = probability(sheet, line, sheet.value(row, "probability"), stage);
        String closedText = sheet.value(row, "closed_on");
        LocalDate closedOn = problems.date(sheet, line, "closed_on", "Closed on", closedText, false);
        String lossReason = sheet.value(row, "loss_reason");
        LocalDate createdOn = problems.date(sheet, line, "created_on", "Created on", sheet.value(row, "created_on"), false);
        if (createdOn != null && createdOn.isAfter(rules.today())) {
            problem(sheet, line, "created_on", "Created on " + createdOn + " is in the future.");
        }
        if (stage != null) {
            if (stage.kind() == StageKind.OPEN) {
                // an open deal whose close date has passed is imported as it stands and shows as overdue
                if (!closedText.isEmpty()) {
                    problem(sheet, line, "closed_on", "Closed on is only for won or lost deals; this one is open in " + stage.name() + ".");
                }
                if (amount != null && !rules.funnel().inFunnel(amount) && !stage.code().equals(model.first().code())) {
                    problem(sheet, line, "stage", "A deal below " + rules.funnel().outOfFunnelBelow().toPlainString()
                            + " stays out of the funnel: while open it stays in " + model.first().name() + " ("
                            + model.first().code() + "); got " + stage.code() + ".");
                }
            } else {
                LocalDate closed = closedOn != null ? closedOn : expectedClose;
                if (closed != null && closed.isAfter(rules.today())) {
                    problem(sheet, line, closedOn != null ? "closed_on" : "expected_close_date", "A "
                            + stage.kind().name().toLowerCase(Locale.ROOT) + " deal closed on or before today; "
                            + closed + " is in the future.");
                } else if (closed != null && createdOn != null && createdOn.isAfter(closed)) {
                    problem(sheet, line, "created_on", "Created on " + createdOn + " is after the deal closed (" + closed + ").");
                }
            }
            if (stage.kind() == StageKind.LOST) {
                field(sheet, line, "loss_reason", Checks.start().requiredText(lossReason, "Loss reason", Checks.LONG_TEXT));
            } else if (!lossReason.isEmpty()) {
                problem(sheet, line, "loss_reason", "Loss reason is only for lost deals; this one is in " + stage.name() + ".");
            }
        }
        if (account.isEmpty() || stage == null) {
            return Optional.empty();
        }
        return Optional.of(new DealRow(line, account.get(), name, owner, amount, currency, expectedClose, stage.code(),
                probability, closedOn, blankToNull(lossReason), createdOn, blankToNull(sheet.value(row, "ref"))));
    }

    private Optional<AccountRef> accountRef(Sheet sheet, CsvRecord row) {
        String name = sheet.value(row, "account");
        int line = row.line();
        if (name.isEmpty()) {
            problem(sheet, line, "account", "Account is required: the name of an account of this import or of yours.");
            return Optional.empty();
        }
        String key = AccountService.nameKey(name);
        if (fileAccounts.containsKey(key)) {
            return Optional.of(new AccountRef(null, name));
        }
        List<Account> visible = databaseAccounts.getOrDefault(key, List.of()).stream()
                .filter(a -> rules.mayOwn(a.ownerId())).toList();
        if (visible.isEmpty()) {
            problem(sheet, line, "account", "No account named '" + name + "', neither in this import nor among the accounts you may see.");
            return Optional.empty();
        }
        if (visible.size() > 1) {
            problem(sheet, line, "account", visible.size() + " accounts are named '" + name + "' (ids "
                    + String.join(", ", visible.stream().map(a -> String.valueOf(a.id())).toList()) + "); rename one first.");
            return Optional.empty();
        }
        return Optional.of(new AccountRef(visible.get(0).id(), visible.get(0).name()));
    }

    private String ownerOf(AccountRef account) {
        if (account.id() == null) {
            return fileAccountOwners.get(AccountService.nameKey(account.name()));
        }
        return databaseAccounts.get(AccountService.nameKey(account.name())).stream()
                .filter(a -> a.id() == account.id()).findFirst().map(Account::ownerId).orElseThrow();
    }

    private static String key(AccountRef account) {
        return account.id() == null ? "file:" + AccountService.nameKey(account.name()) : "id:" + account.id();
    }

    private void owner(Sheet sheet, int line, String owner, boolean required) {
        if (owner.isEmpty()) {
            if (required) {
                problem(sheet, line, "owner", "Owner is required: the login of a rep or manager.");
            }
            return;
        }
        Optional<Person> person = people.computeIfAbsent(owner, lookups::person);
        if (person.isEmpty()) {
            problem(sheet, line, "owner", "Owner '" + owner + "' is not a known person.");
        } else if (person.get().role() != Role.REP && person.get().role() != Role.MANAGER) {
            problem(sheet, line, "owner", "Owner '" + owner + "' is not a rep or manager.");
        } else if (!rules.mayOwn(owner)) {
            problem(sheet, line, "owner", "Owner '" + owner + "' is not in your team.");
        }
    }

    private BigDecimal amount(Sheet sheet, int line, String text) {
        if (text.isEmpty()) {
            problem(sheet, line, "amount", "Amount is required.");
            return null;
        }
        if (!AMOUNT.matcher(text).matches()) {
            problem(sheet, line, "amount", "Amount must be a number like 125000.00, got '" + text + "'.");
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        return field(sheet, line, "amount", Checks.start().positiveAmount(amount, "Amount")) ? amount : null;
    }

    private String currency(Sheet sheet, int line, String text) {
        if (text.isEmpty()) {
            return rules.defaultCurrency();
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (!rules.currencies().contains(code)) {
            problem(sheet, line, "currency", "Currency '" + text + "' is not one this system uses ("
                    + String.join(", ", rules.currencies()) + ").");
        }
        return code;
    }


    private Stage stage(Sheet sheet, int line, String text) {
        if (text.isEmpty()) {
            problem(sheet, line, "stage", "Stage is required: one of " + String.join(", ", rules.stageModel().codes()) + ".");
            return null;
        }
        Optional<Stage> stage = rules.stageModel().stages().stream()
                .filter(s -> s.code().equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)).findFirst();
        if (stage.isEmpty()) {
            try {
                rules.stageModel().stage(text);
            } catch (ValidationException e) {
                problem(sheet, line, "stage", e.getMessage());
            }
            return null;
        }
        return stage.get();
    }

    private Integer probability(Sheet sheet, int line, String text, Stage stage) {
        if (text.isEmpty()) {
            return null;
        }
        java.util.regex.Matcher percent = PERCENT.matcher(text);
        if (!percent.matches()) {
            problem(sheet, line, "probability", "Probability must be a whole percent like 40, got '" + text + "'.");
            return null;
        }
        int claimed = Integer.parseInt(percent.group(1));
        if (stage != null) {
            try {
                return ProbabilityRule.claimable(stage, claimed);
            } catch (ValidationException e) {
                problem(sheet, line, "probability", e.getMessage());
            }
        }
        return claimed;
    }

    /** Reports the problems a {@link Checks} found for one column; true when there were none. */
    private boolean field(Sheet sheet, int line, String column, Checks checks) {
        return problems.field(sheet, line, column, checks);
    }

    private void problem(Sheet sheet, int line, String column, String reason) {
        problems.add(sheet, line, column, reason);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
