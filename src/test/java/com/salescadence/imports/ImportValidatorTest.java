package com.salescadence.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.salescadence.support.EnglishText;
import org.junit.jupiter.api.Test;

import com.salescadence.imports.ImportRows.AccountRef;
import com.salescadence.imports.ImportRows.ContactRow;
import com.salescadence.imports.ImportRows.DealRow;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;
import com.salescadence.pipeline.Account;
import com.salescadence.pipeline.AccountTier;
import com.salescadence.pipeline.FunnelPolicy;
import com.salescadence.pipeline.PipelineProperties;
import com.salescadence.pipeline.stage.StageModelCatalog;

/**
 * Validation of hand-made files against a small, fixed world: manager m1 over reps r1 and r2; r3 in another
 * team; finance fin. In the database: "Existing Co" (7, r1) with contact old@existing.example and deal
 * "Renewal", "Other Team Co" (8, r3), and two accounts named "Twin" (9, 10). Today is 2026-11-25; the IBM
 * stage model; out of the funnel below 50,000; currency CNY.
 */
class ImportValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private final ImportLookups world = new ImportLookups() {
        final Map<String, Person> people = Map.of(
                "m1", new Person("m1", "Mia", "m1@x", Role.MANAGER, null, null),
                "r1", new Person("r1", "Ray", "r1@x", Role.REP, "m1", null),
                "r2", new Person("r2", "Rui", "r2@x", Role.REP, "m1", null),
                "r3", new Person("r3", "Ren", "r3@x", Role.REP, "m9", null),
                "fin", new Person("fin", "Fan", "fin@x", Role.FINANCE, null, null));
        final List<Account> accounts = List.of(
                new Account(7, "Existing Co", AccountTier.KEY, null, "r1"),
                new Account(8, "Other Team Co", AccountTier.OTHER, null, "r3"),
                new Account(9, "Twin", AccountTier.OTHER, null, "r1"),
                new Account(10, "twin ", AccountTier.OTHER, null, "r2"));

        @Override
        public Optional<Person> person(String id) {
            return Optional.ofNullable(people.get(id));
        }

        @Override
        public List<Account> accountsNamed(Collection<String> names) {
            return accounts.stream().filter(a -> names.contains(a.name().trim().toLowerCase())).toList();
        }

        @Override
        public boolean contactExists(long accountId, String email, String name) {
            return accountId == 7 && "old@existing.example".equalsIgnoreCase(email);
        }

        @Override
        public boolean opportunityExists(long accountId, String name) {
            return accountId == 7 && "renewal".equalsIgnoreCase(name.trim());
        }

        /** Deals stored by an earlier import, by ref (or name), lower case. */
        @Override
        public List<StoredDeal> storedDeals(String refOrName) {
            LocalDate won = LocalDate.of(2026, 9, 10);
            BigDecimal amount = new BigDecimal("80000");
            return switch (refOrName.trim().toLowerCase()) {
                case "old-1" -> List.of(new StoredDeal(50, "Old one", "r1", "WON", won, amount, "CNY", false));
                case "old-2" -> List.of(new StoredDeal(51, "Old two", "r2", "WON", won, amount, "CNY", false));
                case "old-open" -> List.of(new StoredDeal(52, "Old open", "r1", "OPEN", null, amount, "CNY", false));
                case "old ordered" -> List.of(new StoredDeal(53, "Old ordered", "r1", "WON", won, amount, "CNY", true));
                case "twin deal" -> List.of(new StoredDeal(54, "Twin deal", "r1", "WON", won, amount, "CNY", false),
                        new StoredDeal(55, "Twin deal", "r2", "WON", won, amount, "CNY", false));
                case "theirs" -> List.of(new StoredDeal(56, "Theirs", "r3", "WON", won, amount, "CNY", false));
                default -> List.of();
            };
        }
    };

    private ImportRules managerRules() {
        return rules(Set.of("m1", "r1", "r2"));
    }

    private static ImportRules rules(Set<String> owners) {
        try {
            PipelineProperties pipeline = new PipelineProperties("ibm", "CNY", new BigDecimal("50000"),
                    new BigDecimal("1000000"), 30, 14);
            return new ImportRules(new StageModelCatalog(pipeline.stageModel()).active(), FunnelPolicy.from(pipeline),
                    List.of("CNY"), TODAY, "m1", owners);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Sheet sheet(ImportKind kind, String csv) {
        return Sheet.of(kind, CsvParser.parse(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private ImportRows validate(ImportRules rules, Sheet... sheets) {
        List<Integer> progress = new ArrayList<>();
        ImportRows rows = new ImportValidator(rules, world).validate(List.of(sheets), progress::add);
        int total = List.of(sheets).stream().mapToInt(s -> s.rows().size()).sum();
        assertThat(progress).hasSize(total).endsWith(total);
        return rows;
    }

    private static List<String> report(ImportRows rows) {
        return rows.problems().stream().map(p -> new RowProblem(p.kind(), p.line(), p.column(), EnglishText.of(p.reason())).describe()).toList();
    }

    @Test
    void a_good_set_of_three_files_has_no_problems_and_links_contacts_and_deals_to_the_right_accounts() {
        Sheet accounts = sheet(ImportKind.ACCOUNTS, "name,tier,industry,owner\r\n"
                + "\"Huaxin, Precision\",key,Machinery,r1\r\n"
                + "Beifang Steel,OTHER,,r2\r\n");
        Sheet contacts = sheet(ImportKind.CONTACTS, "Account,Name,Title,Email,Phone,Owner\r\n"
                + "\"huaxin, precision\",Li Wei,CIO,li.wei@huaxin.example,+86 10 5555 0101,\r\n"
                + "Existing Co,Wang Fang,,,,r2\r\n");
        Sheet deals = sheet(ImportKind.OPPORTUNITIES,
                "account,name,owner,amount,currency,Expected Close Date,stage,probability,closed_on,loss_reason\r\n"
                        + "\"Huaxin, Precision\",MES rollout,r1,300000.00,,2027-01-31,develop,60%,,\r\n"
                        + "Existing Co,Spare parts,r1,20000,CNY,2026-12-15,IDENTIFY,,,\r\n"
                        + "Beifang Steel,Furnace control,r2,800000,cny,2026-10-31,WON,,2026-11-02,\r\n"
                        + "Existing Co,Old tender,r1,120000,,2026-09-30,Lost,,,\"Price: competitor 20% lower\"\r\n");
        ImportRows rows = validate(managerRules(), deals, contacts, accounts);

        assertThat(report(rows)).isEmpty();
        assertThat(rows.accounts()).extracting(a -> a.name() + "/" + a.tier() + "/" + a.industry() + "/" + a.ownerId())
                .containsExactly("Huaxin, Precision/KEY/Machinery/r1", "Beifang Steel/OTHER/null/r2");
        assertThat(rows.contacts()).extracting(ContactRow::account, ContactRow::ownerId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new AccountRef(null, "huaxin, precision"), "r1"),
                org.assertj.core.groups.Tuple.tuple(new AccountRef(7L, "Existing Co"), "r2"));
        assertThat(rows.deals()).extracting(DealRow::stageCode, DealRow::probability, DealRow::currency)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DEVELOP", 60, "CNY"),
                        org.assertj.core.groups.Tuple.tuple("IDENTIFY", null, "CNY"),
                        org.assertj.core.groups.Tuple.tuple("WON", null, "CNY"),
                        org.assertj.core.groups.Tuple.tuple("LOST", null, "CNY"));
        assertThat(rows.deals().get(2).closedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(rows.deals().get(3).lossReason()).isEqualTo("Price: competitor 20% lower");
    }

    @Test
    void every_bad_account_row_is_reported_with_line_column_and_reason() {
        Sheet accounts = sheet(ImportKind.ACCOUNTS, "name,tier,industry,owner\r\n"
                + "Good Co,KEY,,r1\r\n"
                + ",KEY,,r1\r\n"
                + "good co,SECOND,,r2\r\n"
                + "Existing Co,KEY,,r1\r\n"
                + "Tierless,GOLD,,r1\r\n"
                + "Nobody's,OTHER,,ghost\r\n"
                + "Finance owned,OTHER,,fin\r\n"
                + "Other team,OTHER,,r3\r\n"
                + "Long industry,OTHER," + "x".repeat(101) + ",r1\r\n");
        ImportRows rows = validate(managerRules(), accounts);
        assertThat(report(rows)).containsExactly(
                "accounts line 3, name: Account name is required.",
                "accounts line 4, name: Duplicate: account 'good co' is already on line 2.",
                "accounts line 5, name: Account 'Existing Co' already exists.",
                "accounts line 6, tier: Tier must be KEY, SECOND or OTHER, got 'GOLD'.",
                "accounts line 7, owner: Owner 'ghost' is not a known person.",
                "accounts line 8, owner: Owner 'fin' is not a rep or manager.",
                "accounts line 9, owner: Owner 'r3' is not in your team.",
                "accounts line 10, industry: Industry is too long: at most 100 characters, got 101.");
        assertThat(rows.badRows()).isEqualTo(8);
        assertThat(rows.accounts()).extracting(ImportRows.AccountRow::name).containsExactly("Good Co");
    }

    @Test
    void an_admin_may_import_for_any_rep_or_manager() {
        Sheet accounts = sheet(ImportKind.ACCOUNTS, "name,tier,industry,owner\r\nOther team,OTHER,,r3\r\nFinance owned,OTHER,,fin\r\n");
        assertThat(report(validate(rules(null), accounts)))
                .containsExactly("accounts line 3, owner: Owner 'fin' is not a rep or manager.");
    }

    @Test
    void every_bad_contact_row_is_reported() {
        Sheet contacts = sheet(ImportKind.CONTACTS, "account,name,title,email,phone,owner\r\n"
                + "Existing Co,Li Wei,,li@existing.example,,\r\n"
                + "Existing Co,Li Wei again,,LI@existing.example,,\r\n"
                + "Existing Co,Old,,old@existing.example,,\r\n"
                + "Nowhere Ltd,Zhang,,,,\r\n"
                + "Other Team Co,Zhang,,,,\r\n"
                + "Twin,Zhang,,,,\r\n"
                + "Existing Co,,,not-an-email,call me,\r\n"
                + ",Orphan,,,,r1\r\n");
        ImportRows rows = validate(managerRules(), contacts);
        assertThat(report(rows)).containsExactly(
                "contacts line 3, email: Duplicate: the same contact of 'Existing Co' is already on line 2.",
                "contacts line 4, email: Contact 'old@existing.example' of 'Existing Co' already exists.",
                "contacts line 5, account: No account named 'Nowhere Ltd', neither in this import nor among the accounts you may see.",
                "contacts line 6, account: No account named 'Other Team Co', neither in this import nor among the accounts you may see.",
                "contacts line 7, account: 2 accounts are named 'Twin' (ids 9, 10); rename one first.",
                "contacts line 8, name: Contact name is required.",
                "contacts line 8, email: Email 'not-an-email' is not an email address.",
                "contacts line 8, phone: Phone 'call me' may hold only digits, spaces and + ( ) - . /",
                "contacts line 9, account: Account is required: the name of an account of this import or of yours.");
        assertThat(rows.badRows()).isEqualTo(7);
    }

    @Test
    void every_bad_opportunity_row_is_reported_with_the_stage_rules_of_the_product() {
        String header = "account,name,owner,amount,currency,expected_close_date,stage,probability,closed_on,loss_reason\r\n";
        Sheet deals = sheet(ImportKind.OPPORTUNITIES, header
                + "Existing Co,Good,r1,100000,,2026-12-31,IDENTIFY,40,,\r\n"
                + "Existing Co,good,r1,100000,,2026-12-31,IDENTIFY,,,\r\n"
                + "Existing Co,Renewal,r1,100000,,2026-12-31,IDENTIFY,,,\r\n"
                + "Existing Co,Over cap,r1,100000,,2026-12-31,IDENTIFY,60,,\r\n"
                + "Existing Co,Bad numbers,r1,\"1,000\",USD,31/12/2026,VALIDATE,high,,\r\n"
                + "Existing Co,Zero,r1,0,,2026-12-31,SIGNED,,,\r\n"
                + "Existing Co,Past,r1,100000,,2026-11-24,DEVELOP,,2026-11-01,\r\n"
                + "Existing Co,Small late stage,r1,49999.99,,2026-12-31,AGREEMENT,,,\r\n"
                + "Existing Co,Lost without reason,r1,100000,,2026-10-01,LOST,,,\r\n"
                + "Existing Co,Won in future,r1,100000,,2026-12-01,WON,,,why\r\n"
                + "Existing Co,Cents,r1,100.001,,2026-12-31,IDENTIFY,101,,\r\n"
                + "Existing Co,,,,,,,,,\r\n");
        ImportRows rows = validate(managerRules(), deals);
        assertThat(report(rows)).containsExactly(
                "opportunities line 3, name: Duplicate: deal 'good' of 'Existing Co' is already on line 2.",
                "opportunities line 4, name: Deal 'Renewal' of 'Existing Co' already exists.",
                "opportunities line 5, probability: A deal in Identify opportunity may claim at most 50% probability; you claimed 60%.",
                "opportunities line 6, amount: Amount must be a number like 125000.00, got '1,000'.",
                "opportunities line 6, currency: Currency 'USD' is not one this system uses (CNY).",
                "opportunities line 6, expected_close_date: Expected close date must be a date like 2026-12-31 (yyyy-MM-dd), got '31/12/2026'.",
                "opportunities line 6, probability: Probability must be a whole percent like 40, got 'high'.",
                "opportunities line 7, amount: Amount must be greater than zero.",
                "opportunities line 7, stage: Unknown stage 'SIGNED'. The stages of IBM Signature Selling Method are: IDENTIFY, VALIDATE, DEVELOP, AGREEMENT, WON, LOST.",
                "opportunities line 8, closed_on: Closed on is only for won or lost deals; this one is open in Develop solution.",
                "opportunities line 9, stage: A deal below 50000 stays out of the funnel: while open it stays in Identify opportunity (IDENTIFY); got AGREEMENT.",
                "opportunities line 10, loss_reason: Loss reason is required.",
                "opportunities line 11, expected_close_date: A won deal closed on or before today; 2026-12-01 is in the future.",
                "opportunities line 11, loss_reason: Loss reason is only for lost deals; this one is in Won (signed).",
                "opportunities line 12, amount: Amount may have at most two decimals.",
                "opportunities line 12, probability: A deal in Identify opportunity may claim at most 50% probability; you claimed 101%.",
                "opportunities line 13, name: Opportunity name is required.",
                "opportunities line 13, owner: Owner is required: the login of a rep or manager.",
                "opportunities line 13, amount: Amount is required.",
                "opportunities line 13, expected_close_date: Expected close date is required.",
                "opportunities line 13, stage: Stage is required: one of IDENTIFY, VALIDATE, DEVELOP, AGREEMENT, WON, LOST.");
        assertThat(rows.badRows()).isEqualTo(11);
        assertThat(rows.deals()).extracting(DealRow::name).containsExactly("Good");
    }

    @Test
    void an_open_deal_whose_close_date_has_passed_is_imported_as_it_stands() {
        Sheet deals = sheet(ImportKind.OPPORTUNITIES, "account,name,owner,amount,expected_close_date,stage\r\n"
                + "Existing Co,Slipped,r1,100000,2026-09-30,DEVELOP\r\n"
                + "Existing Co,Small slipped,r1,20000,2026-10-15,IDENTIFY\r\n");
        ImportRows rows = validate(managerRules(), deals);
        assertThat(report(rows)).isEmpty();
        assertThat(rows.deals()).extracting(DealRow::expectedCloseDate)
                .containsExactly(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 15));
    }

    @Test
    void the_day_a_deal_was_created_is_not_in_the_future_nor_after_it_closed() {
        Sheet deals = sheet(ImportKind.OPPORTUNITIES, "account,name,owner,amount,expected_close_date,stage,closed_on,created_on\r\n"
                + "Existing Co,Fine,r1,100000,2026-10-01,WON,2026-10-05,2026-06-01\r\n"
                + "Existing Co,Tomorrow,r1,100000,2026-12-31,IDENTIFY,,2026-11-26\r\n"
                + "Existing Co,Backwards,r1,100000,2026-10-01,WON,2026-10-05,2026-10-06\r\n"
                + "Existing Co,Sloppy,r1,100000,2026-12-31,IDENTIFY,,1.6.2026\r\n");
        ImportRows rows = validate(managerRules(), deals);
        assertThat(report(rows)).containsExactly(
                "opportunities line 3, created_on: Created on 2026-11-26 is in the future.",
                "opportunities line 4, created_on: Created on 2026-10-06 is after the deal closed (2026-10-05).",
                "opportunities line 5, created_on: Created on must be a date like 2026-12-31 (yyyy-MM-dd), got '1.6.2026'.");
        assertThat(rows.deals()).singleElement().satisfies(d -> assertThat(d.createdOn()).isEqualTo(LocalDate.of(2026, 6, 1)));
    }

    @Test
    void reads_the_chinese_header_names_and_refuses_unknown_doubled_or_missing_columns() {
        Sheet chinese = sheet(ImportKind.ACCOUNTS, "\uFEFF客户名称,级别,行业,负责人\r\n华信精密机械,KEY,机械制造,r1\r\n");
        ImportRows rows = validate(managerRules(), chinese);
        assertThat(report(rows)).isEmpty();
        assertThat(rows.accounts().get(0).name()).isEqualTo("华信精密机械");

        assertThatThrownBy(() -> sheet(ImportKind.ACCOUNTS, "name,tier,colour,Name\r\nA,KEY,red,B\r\n"))
                .isInstanceOfSatisfying(MalformedCsvException.class, e -> assertThat(e.problems()).containsExactly(
                        "Unknown column 'colour' in the accounts file; its columns are: name* (客户名称/名称), tier* (级别/客户级别), "
                                + "industry (行业), owner* (负责人).",
                        "Column 'name' appears twice in the accounts file's header (columns 1 and 4).",
                        "The accounts file lacks the required column(s): owner. Its first line must be the header: "
                                + "name* (客户名称/名称), tier* (级别/客户级别), industry (行业), owner* (负责人)."));
    }

    /** Issue 12: deals with refs for the history files; D2 lost from VALIDATE; D4 small; D5 won but given lost_from. */
    private static Sheet historyDeals() {
        return sheet(ImportKind.OPPORTUNITIES, "account,name,owner,amount,expected_close_date,stage,closed_on,created_on,loss_reason,ref,lost_from\r\n"
                + "Existing Co,Open deal,r1,100000,2026-12-31,DEVELOP,,2026-06-01,,D1,\r\n"
                + "Existing Co,Lost deal,r1,100000,2026-10-01,LOST,2026-10-01,2026-05-01,Budget,D2,VALIDATE\r\n"
                + "Existing Co,Won deal,r1,100000,2026-09-01,WON,2026-09-01,2026-04-01,,D3,\r\n"
                + "Existing Co,Small,r1,20000,2026-12-31,IDENTIFY,,,,D4,\r\n"
                + "Existing Co,Won too,r1,100000,2026-10-01,WON,2026-10-01,,,D5,DEVELOP\r\n");
    }

    @Test
    void a_stage_history_names_open_stages_of_deals_of_the_same_import_and_ends_where_each_deal_stands() {
        Sheet history = sheet(ImportKind.STAGE_HISTORY, "deal,stage,entered_on\r\n"
                + "D1,IDENTIFY,2026-06-01\r\n"
                + "D1,develop,2026-08-01\r\n"
                + "D2,IDENTIFY,2026-05-01\r\n"
                + "D2,DEVELOP,2026-07-01\r\n"
                + "D3,WON,2026-08-01\r\n"
                + "D9,IDENTIFY,2026-05-01\r\n"
                + "D4,IDENTIFY,2026-07-01\r\n"
                + "D3,VALIDATE,2026-03-01\r\n"
                + "D3,AGREEMENT,2026-12-01\r\n"
                + "D1,IDENTIFY,2026-06-01\r\n");
        ImportRows rows = validate(managerRules(), historyDeals(), history);
        assertThat(report(rows)).containsExactly(
                "opportunities line 6, lost_from: Lost from is only for lost deals; this one is in Won (signed).",
                "stage_history line 6, stage: The stage history lists the open stages a deal entered (IDENTIFY, VALIDATE, DEVELOP, "
                        + "AGREEMENT); got 'WON'. Won or lost comes from the deal's stage and closed_on.",
                "stage_history line 7, deal: No deal 'D9' in this import's opportunities file (by its ref, or its name): "
                        + "a deal's history is imported together with the deal.",
                "stage_history line 8, deal: A deal below 50000 is out of the funnel: it has no stage history.",
                "stage_history line 9, entered_on: Entered on 2026-03-01 is before deal 'D3' was created (2026-04-01).",
                "stage_history line 10, entered_on: Entered on 2026-12-01 is in the future.",
                "stage_history line 11, stage: Duplicate: deal 'D1' entered IDENTIFY on 2026-06-01 on line 2 already.",
                "stage_history line 5, stage: The latest stage of deal 'D2' must be the stage it was lost from (VALIDATE), "
                        + "got DEVELOP on 2026-07-01.");
        // D1's path in date order, whatever the file's order
        assertThat(rows.history().stages().get(2)).extracting(HistoryRows.StageEntry::stageCode)
                .containsExactly("IDENTIFY", "IDENTIFY", "DEVELOP");
        assertThat(rows.history().lostFrom()).containsExactly(Map.entry(3, "VALIDATE"));
    }

    @Test
    void an_order_belongs_to_a_won_deal_once_and_a_payment_to_its_invoice() {
        Sheet orders = sheet(ImportKind.ORDERS, "deal,ordered_on,amount,invoiced_on,due_on,paid_on,paid_amount\r\n"
                + "D3,2026-09-02,,2026-09-05,,2026-09-20,\r\n"
                + "D1,2026-09-02,,,,,\r\n"
                + "D3,2026-09-03,,,,,\r\n"
                + "D5,2026-09-01,,,2026-09-30,2026-10-05,\r\n"
                + "\"Won deal\",2026-10-02,50000,2026-10-01,,2026-10-03,60000\r\n");
        ImportRows rows = validate(managerRules(), historyDeals(), orders);
        assertThat(report(rows)).containsExactly(
                "opportunities line 6, lost_from: Lost from is only for lost deals; this one is in Won (signed).",
                "orders line 3, deal: Only a won deal has an order; deal 'D1' is in Develop solution.",
                "orders line 4, deal: Duplicate: the order of deal 'D3' is already on line 2; a deal has one order.",
                "orders line 5, due_on: Due on is the invoice's due date: invoiced_on is required with it.",
                "orders line 5, paid_on: A payment is made against an invoice: invoiced_on is required with it.",
                "orders line 5, ordered_on: Ordered on 2026-09-01 is before deal 'D5' was won (2026-10-01).",
                "orders line 6, invoiced_on: Invoiced on 2026-10-01 is before the order (2026-10-02).",
                "orders line 6, deal: No deal 'Won deal' in this import's opportunities file (by its ref, or its name) nor among "
                        + "the deals of your team imported before: an order belongs to a won deal.");
        // the good order: the deal's amount, paid in full by default
        assertThat(rows.history().orders().get(0)).satisfies(o -> {
            assertThat(o.amount()).isEqualByComparingTo("100000");
            assertThat(o.paidAmount()).isEqualByComparingTo("100000");
        });
    }

    @Test
    void an_orders_file_alone_names_won_deals_of_the_team_stored_before_by_ref_or_name() {
        // each line: the deal as named, when it was ordered, and the problem expected (none for the first)
        String[][] lines = {
                {"OLD-1", "2026-09-12,,2026-09-15,,2026-09-30,", null},
                {"old-open", "2026-09-12,,,,,", "deal: Only a won deal has an order; deal 'old-open' is open."},
                {"Old ordered", "2026-09-12,,,,,", "deal: Deal 'Old ordered' already has an order."},
                {"Twin deal", "2026-09-12,,,,,", "deal: Deal 'Twin deal' names 2 deals of your team imported before: use the ref each was imported with."},
                {"Theirs", "2026-09-12,,,,,", "deal: No deal 'Theirs' in this import's opportunities file (by its ref, or its name) nor among "
                        + "the deals of your team imported before: an order belongs to a won deal."},
                {"old-1", "2026-09-13,,,,,", "deal: Duplicate: the order of deal 'old-1' is already on line 2; a deal has one order."},
                {"OLD-2", "2026-09-01,,,,,", "ordered_on: Ordered on 2026-09-01 is before deal 'OLD-2' was won (2026-09-10)."}};
        StringBuilder csv = new StringBuilder("deal,ordered_on,amount,invoiced_on,due_on,paid_on,paid_amount\n");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            csv.append(lines[i][0]).append(',').append(lines[i][1]).append('\n');
            if (lines[i][2] != null) {
                expected.add("orders line " + (i + 2) + ", " + lines[i][2]);
            }
        }
        ImportRows rows = validate(managerRules(), sheet(ImportKind.ORDERS, csv.toString()));
        assertThat(report(rows)).isEqualTo(expected);
        // the good order: the stored deal's id, amount and currency, paid in full by default
        BigDecimal amount = new BigDecimal("80000");
        assertThat(rows.history().orders().get(0)).isEqualTo(new HistoryRows.OrderRow(2, 0, amount, LocalDate.of(2026, 9, 12),
                LocalDate.of(2026, 9, 15), null, LocalDate.of(2026, 9, 30), amount, 50L, "CNY"));
    }

    @Test
    void past_weekly_commits_are_the_reps_of_the_team_for_weeks_that_have_ended() {
        Sheet commits = sheet(ImportKind.COMMITS, "rep,week,commit,upside\r\n"
                + "r1,2026-W40,100000,50000\r\n"
                + "r1,2026-09-30,90000,\r\n"
                + "m1,2026-W41,1,\r\n"
                + "r3,2026-W41,1,\r\n"
                + "r1,2026-W48,1,\r\n"
                + "r1,next week,1,\r\n"
                + "r2,2026-W42,,\r\n");
        ImportRows rows = validate(managerRules(), commits);
        assertThat(report(rows)).containsExactly(
                "commits line 3, week: Duplicate: the commit of r1 for the week of 2026-09-28 is already on line 2.",
                "commits line 4, rep: 'm1' is not a rep: weekly commits are the reps' (managers' figures roll up).",
                "commits line 5, rep: Rep 'r3' is not in your team.",
                "commits line 6, week: The week of 2026-11-23 has not ended yet: import past weeks only; this week's commit is "
                        + "submitted in the cadence.",
                "commits line 7, week: Week must be like 2025-W40 or a date in the week (2025-09-29), got 'next week'.",
                "commits line 8, commit: Commit is required (0 or more).");
        assertThat(rows.history().commits().get(0)).isEqualTo(new HistoryRows.CommitRow(2, "r1", LocalDate.of(2026, 9, 28),
                new BigDecimal("100000"), new BigDecimal("50000")));
    }
}
