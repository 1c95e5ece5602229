package com.salescadence.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import com.salescadence.common.Checks;
import com.salescadence.imports.ImportRows.PersonRow;
import com.salescadence.imports.ImportRows.QuotaRow;
import com.salescadence.organization.Person;
import com.salescadence.organization.ReportingLineRules;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.ContactService;

/**
 * Checks the people and quotas files of an import (administrators only). People: a login not taken (also not by a
 * leaver) nor twice in the file, the fields of the people API, a manager who is an active person or a person of the
 * same file, on any line (a report may come before their manager), no one their own manager, no loop. Quotas: a
 * person active or of the people file, a quarter like 2026-Q4, amounts, stretch at least the quota, a known
 * currency, once per person and quarter. Reports every problem with its line; stores nothing.
 */
final class TeamSheets {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");

    private final ImportRules rules;
    private final ImportLookups lookups;
    private final ImportProblems problems;
    /** The people of this import's people file that passed their checks, by login. */
    private final Map<String, PersonRow> newPeople = new LinkedHashMap<>();

    TeamSheets(ImportRules rules, ImportLookups lookups, ImportProblems problems) {
        this.rules = rules;
        this.lookups = lookups;
        this.problems = problems;
    }

    /** The good rows of a people file, managers before their reports (the order they can be stored in). */
    List<PersonRow> people(Sheet sheet, int done, IntConsumer progress) {
        Map<String, Integer> seen = new HashMap<>();
        List<PersonRow> rows = new ArrayList<>();
        Set<String> fileLogins = new HashSet<>();
        for (CsvRecord record : sheet.rows()) {
            int before = problems.count();
            PersonRow row = person(sheet, record, seen);
            fileLogins.add(row.login());
            if (problems.count() == before) {
                rows.add(row);
            }
            progress.accept(++done);
        }
        Map<String, PersonRow> byLogin = new LinkedHashMap<>();
        rows.forEach(r -> byLogin.put(r.login(), r));
        // managers: active people or people of this file (anywhere in it); no loops among the file's people
        Map<String, String> managerOf = new HashMap<>();
        byLogin.values().forEach(r -> managerOf.put(r.login(), r.managerId()));
        List<PersonRow> good = new ArrayList<>();
        for (PersonRow row : byLogin.values()) {
            String manager = row.managerId();
            if (manager != null && !byLogin.containsKey(manager) && fileLogins.contains(manager)) {
                problem(sheet, row.line(), "manager", badManager(manager));
                continue;
            }
            if (manager != null && !byLogin.containsKey(manager) && lookups.person(manager).isEmpty()) {
                problem(sheet, row.line(), "manager", "Manager '" + manager + "' is neither an active person nor in this file. / 经理 "
                        + manager + " 既不是在职人员，也不在此文件中。");
                continue;
            }
            Role managerRole = manager == null ? null
                    : byLogin.containsKey(manager) ? byLogin.get(manager).role() : lookups.person(manager).map(Person::role).orElse(null);
            Optional<String> notAManager = ReportingLineRules.managerRoleProblem(manager, managerRole);
            if (notAManager.isPresent()) {
                problem(sheet, row.line(), "manager", notAManager.get());
                continue;
            }
            Optional<String> loop = ReportingLineRules.managerProblem(row.login(), manager, managerOf);
            if (loop.isPresent()) {
                problem(sheet, row.line(), "manager", loop.get());
                continue;
            }
            good.add(row);
        }
        // a person whose manager in the file was refused cannot be stored either
        Set<String> storable = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (PersonRow row : good) {
                if (!storable.contains(row.login()) && (row.managerId() == null || !byLogin.containsKey(row.managerId())
                        || storable.contains(row.managerId()))) {
                    storable.add(row.login());
                    grew = true;
                }
            }
        }
        List<PersonRow> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (placed.size() < storable.size()) {
            for (PersonRow row : good) {
                if (storable.contains(row.login()) && !placed.contains(row.login())
                        && (row.managerId() == null || !byLogin.containsKey(row.managerId()) || placed.contains(row.managerId()))) {
                    ordered.add(row);
                    placed.add(row.login());
                }
            }
        }
        for (PersonRow row : good) {
            if (!storable.contains(row.login())) {
                problem(sheet, row.line(), "manager", badManager(row.managerId()));
            }
        }
        ordered.forEach(r -> newPeople.put(r.login(), r));
        return ordered;
    }

    private static String badManager(String manager) {
        return "Manager '" + manager + "' has a problem in this file (see their line). / 经理 " + manager + " 在此文件中有错误（见其所在行）。";
    }

    /** The people of the people file, as persons (for the owner checks of accounts and deals of the same import). */
    Map<String, Person> newPersons() {
        Map<String, Person> persons = new HashMap<>();
        newPeople.values().forEach(r -> persons.put(r.login(), new Person(r.login(), r.name(), r.email(), r.role(), r.managerId(), r.title())));
        return persons;
    }

    private PersonRow person(Sheet sheet, CsvRecord record, Map<String, Integer> seen) {
        int line = record.line();
        String login = sheet.value(record, "login");
        String name = sheet.value(record, "name");
        String email = sheet.value(record, "email");
        String roleText = sheet.value(record, "role");
        String manager = sheet.value(record, "manager");
        String title = sheet.value(record, "title");
        String language = sheet.value(record, "language").toLowerCase(Locale.ROOT);
        if (field(sheet, line, "login", Checks.start().requiredText(login, "Login", 64)
                .require(login.isEmpty() || LOGIN.matcher(login).matches(), "Login may only use a-z, 0-9, '.', '_' and '-', got '" + login + "'."))) {
            Integer first = seen.putIfAbsent(login, line);
            if (first != null) {
                problem(sheet, line, "login", "Duplicate: login '" + login + "' is already on line " + first + ".");
            } else if (lookups.loginTaken(login)) {
                problem(sheet, line, "login", "Login name '" + login + "' is taken. / 登录名 " + login + " 已被使用。");
            }
        }
        field(sheet, line, "name", Checks.start().requiredText(name, "Name", 120));
        field(sheet, line, "email", ContactService.checkEmail(email, Checks.start().requiredText(email, "Email", 200)));
        Role role = null;
        try {
            role = roleText.isEmpty() ? null : Role.valueOf(roleText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            role = null;
        }
        if (role == null) {
            problem(sheet, line, "role", "Role must be REP, MANAGER, ADMIN or FINANCE, got '" + roleText + "'.");
        }
        if (!manager.isEmpty() && manager.equals(login)) {
            problem(sheet, line, "manager", ReportingLineRules.managerProblem(login, manager, Map.of()).orElseThrow());
        }
        field(sheet, line, "title", Checks.start().optionalText(title, "Title", 120));
        if (!language.isEmpty() && !language.equals("zh") && !language.equals("en")) {
            problem(sheet, line, "language", "Language must be zh or en, got '" + language + "'.");
        }
        return new PersonRow(line, login, name, email, role, manager.isEmpty() ? null : manager, title.isEmpty() ? null : title,
                language.isEmpty() ? "zh" : language);
    }

    /** The good rows of a quotas file. */
    List<QuotaRow> quotas(Sheet sheet, int done, IntConsumer progress) {
        Map<String, Integer> seen = new HashMap<>();
        List<QuotaRow> rows = new ArrayList<>();
        for (CsvRecord record : sheet.rows()) {
            int before = problems.count();
            QuotaRow row = quota(sheet, record, seen);
            if (problems.count() == before) {
                rows.add(row);
            }
            progress.accept(++done);
        }
        return rows;
    }

    private QuotaRow quota(Sheet sheet, CsvRecord record, Map<String, Integer> seen) {
        int line = record.line();
        String person = sheet.value(record, "person");
        String period = sheet.value(record, "period").toUpperCase(Locale.ROOT);
        if (person.isEmpty()) {
            problem(sheet, line, "person", "Person is required: the login of an active person or of this import's people file.");
        } else if (!newPeople.containsKey(person) && lookups.person(person).isEmpty()) {
            problem(sheet, line, "person", "'" + person + "' is neither an active person nor in this import's people file. / "
                    + person + " 既不是在职人员，也不在本次导入的人员文件中。");
        }
        if (!PERIOD.matcher(period).matches()) {
            problem(sheet, line, "period", "Period must be a quarter like 2026-Q4, got '" + period + "'.");
        } else if (!person.isEmpty()) {
            Integer first = seen.putIfAbsent(person + "|" + period, line);
            if (first != null) {
                problem(sheet, line, "period", "Duplicate: the quota of '" + person + "' for " + period + " is already on line " + first + ".");
            }
        }
        BigDecimal quota = amount(sheet, line, "quota", "Quota", sheet.value(record, "quota"));
        BigDecimal stretch = amount(sheet, line, "stretch", "Stretch target", sheet.value(record, "stretch"));
        if (quota != null && stretch != null && stretch.compareTo(quota) < 0) {
            problem(sheet, line, "stretch", "The stretch target must be at least the quota (" + quota.toPlainString() + ").");
        }
        String currencyText = sheet.value(record, "currency").toUpperCase(Locale.ROOT);
        String currency = currencyText.isEmpty() ? rules.defaultCurrency() : currencyText;
        if (!rules.currencies().contains(currency)) {
            problem(sheet, line, "currency", "Currency '" + currencyText + "' is not one this system uses ("
                    + String.join(", ", rules.currencies()) + ").");
        }
        return new QuotaRow(line, person, period, quota, stretch, currency);
    }

    private BigDecimal amount(Sheet sheet, int line, String column, String label, String text) {
        if (text.isEmpty() || !AMOUNT.matcher(text).matches()) {
            problem(sheet, line, column, text.isEmpty() ? label + " is required." : label + " must be a number like 1000000.00, got '" + text + "'.");
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        return field(sheet, line, column, Checks.start().positiveAmount(amount, label)) ? amount : null;
    }

    private boolean field(Sheet sheet, int line, String column, Checks checks) {
        return problems.field(sheet, line, column, checks);
    }

    private void problem(Sheet sheet, int line, String column, String reason) {
        problems.add(sheet, line, column, reason);
    }
}
