package com.salescadence.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;
import com.salescadence.common.CurrencyRates;
import com.salescadence.pipeline.FunnelPolicy;
import com.salescadence.pipeline.PipelineProperties;
import com.salescadence.pipeline.stage.StageModelCatalog;

/**
 * Runs imports: parses the files (a malformed one is refused at once), records a job, validates every row
 * and, unless it is a dry run and only when no row is bad, stores them all in one transaction. Small files
 * run while the request waits; larger ones on a background thread of this node, with their progress in
 * import_job for every node to read.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final ImportJobRepository jobs;
    private final ImportAccess access;
    private final ImportLookups lookups;
    private final ImportWriter writer;
    private final ImportLock lock;
    private final StageModelCatalog stageModels;
    private final PipelineProperties pipeline;
    private final ImportProperties properties;
    private final CurrencyRates rates;
    private final TransactionTemplate transaction;
    private final Clock businessClock;
    private final Clock systemClock;
    private final ExecutorService background;
    private final java.util.concurrent.ScheduledExecutorService heartbeat;
    /** The jobs this node holds, queued or running: their heartbeat says the node is alive. */
    private final Set<Long> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ImportJobs(ImportJobRepository jobs, ImportAccess access, ImportLookups lookups, ImportWriter writer, ImportLock lock,
               StageModelCatalog stageModels, PipelineProperties pipeline, ImportProperties properties,
               CurrencyRates rates, PlatformTransactionManager transactions, Clock clock) {
        this.rates = rates;
        this.jobs = jobs;
        this.access = access;
        this.lookups = lookups;
        this.writer = writer;
        this.lock = lock;
        this.stageModels = stageModels;
        this.pipeline = pipeline;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.businessClock = clock;
        this.systemClock = Clock.system(clock.getZone());
        AtomicInteger threads = new AtomicInteger();
        this.background = Executors.newFixedThreadPool(Math.max(1, properties.threads()), task -> {
            Thread thread = new Thread(task, "csv-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "csv-import-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1000, properties.staleAfter().toMillis() / 5);
        heartbeat.scheduleAtFixedRate(this::beat, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        background.shutdownNow();
    }

    private void beat() {
        try {
            if (!held.isEmpty()) {
                jobs.heartbeat(List.copyOf(held), now());
            }
        } catch (RuntimeException e) {
            log.warn("Import heartbeat failed: {}", e.getMessage());
        }
    }

    /** A started import: the job as it stands, and whether it already finished (small files). */
    public record Started(ImportJobView job, boolean finished) {
    }

    /**
     * Starts an import of one or more files (accounts before contacts before opportunities). Refuses at once
     * (400) a file that is not a CSV this import reads, and (403) a user who may not import.
     */
    public Started start(String userId, Map<ImportKind, byte[]> files, boolean dryRun) {
        return start(userId, files, dryRun, Map.of());
    }

    /**
     * As {@link #start(String, Map, boolean)}, with the stage of the active model each of a Salesforce export's stage names
     * stands for (issue 12); a Salesforce export is not mixed with accounts, opportunities or stage history files.
     */
    public Started start(String userId, Map<ImportKind, byte[]> files, boolean dryRun, Map<String, String> stageMapping) {
        checkSalesforce(files.keySet(), stageMapping);
        Set<String> owners = access.allowedOwners(userId);
        if (owners != null && (files.containsKey(ImportKind.PEOPLE) || files.containsKey(ImportKind.QUOTAS))) {
            throw new org.springframework.security.access.AccessDeniedException("Only administrators may import people and quotas.");
        }
        if (files.isEmpty()) {
            throw new ValidationException("No file: send a CSV file of accounts, contacts or opportunities.");
        }
        long maxBytes = properties.maxBytes().toBytes();
        List<Sheet> sheets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        new java.util.TreeMap<>(files).forEach((kind, bytes) -> {
            if (bytes.length > maxBytes) {
                throw new FileTooLargeException(maxBytes);
            }
            try {
                Sheet sheet = Sheet.of(kind, CsvParser.parse(bytes, properties.csvLimits()));
                if (sheet.rows().isEmpty()) {
                    problems.add("The " + kind.key() + " file has a header but no rows below it.");
                }
                sheets.add(sheet);
            } catch (MalformedCsvException e) {
                e.problems().forEach(p -> problems.add(files.size() > 1 ? kind.key() + " file: " + p : p));
            }
        });
        if (!problems.isEmpty()) {
            throw new MalformedCsvException(problems);
        }
        int total = sheets.stream().mapToInt(s -> s.rows().size()).sum();
        ImportRules rules = new ImportRules(stageModels.active(), FunnelPolicy.from(pipeline), currencies(),
                LocalDate.now(businessClock), userId, owners, stageMapping);
        String kinds = sheets.stream().map(s -> s.kind().key()).collect(Collectors.joining(","));
        long id = jobs.create(kinds, dryRun, userId, total, now());
        ImportJobView queued = view(id);
        held.add(id);
        if (total <= properties.syncMaxRows()) {
            run(id, sheets, rules, dryRun, userId);
            return new Started(view(id), true);
        }
        background.submit(() -> run(id, sheets, rules, dryRun, userId));
        return new Started(queued, false);
    }

    private void checkSalesforce(Set<ImportKind> kinds, Map<String, String> stageMapping) {
        SalesforceStages.checkMapping(stageModels.active(), stageMapping);
        if (kinds.stream().noneMatch(ImportKind::salesforce)) {
            return;
        }
        if (kinds.contains(ImportKind.ACCOUNTS) || kinds.contains(ImportKind.OPPORTUNITIES) || kinds.contains(ImportKind.STAGE_HISTORY)) {
            throw new ValidationException("A Salesforce export brings its own accounts, opportunities and stage history: send them "
                    + "in another import. / Salesforce 导出已包含客户、商机和阶段历史：请在另一次导入中发送这些文件。");
        }
        if (!kinds.contains(ImportKind.SALESFORCE_OPPORTUNITY) && (kinds.contains(ImportKind.SALESFORCE_OPPORTUNITY_HISTORY)
                || kinds.contains(ImportKind.SALESFORCE_OPPORTUNITY_FIELD_HISTORY))) {
            throw new ValidationException("The history of a Salesforce export comes with its deals: add Opportunity.csv. / "
                    + "Salesforce 导出的历史须与商机一起导入：请添加 Opportunity.csv。");
        }
    }

    /** The stage names of a Salesforce export's files and the stage each resolves to without a choice (the import page's mapping). */
    public SalesforceStageNames stageNames(String userId, Map<ImportKind, byte[]> files) {
        access.allowedOwners(userId);
        Map<ImportKind, Sheet> sheets = new java.util.EnumMap<>(ImportKind.class);
        List<String> problems = new ArrayList<>();
        files.forEach((kind, bytes) -> {
            if (!kind.salesforce()) {
                return;
            }
            try {
                sheets.put(kind, Sheet.of(kind, CsvParser.parse(bytes, properties.csvLimits())));
            } catch (MalformedCsvException e) {
                e.problems().forEach(p -> problems.add(kind.salesforceFile() + ": " + p));
            }
        });
        if (!problems.isEmpty()) {
            throw new MalformedCsvException(problems);
        }
        var model = stageModels.active();
        return new SalesforceStageNames(model.id(), model.name(), model.name("zh"),
                model.stages().stream().map(s -> new SalesforceStageNames.StageOption(s.code(), s.name(), s.name("zh"), s.kind().name())).toList(),
                SalesforceStages.names(model, sheets).stream()
                        .map(n -> new SalesforceStageNames.TeamStage(n.name(), n.opportunities(), n.historyRows(), n.suggested())).toList());
    }

    /** The job with its report, for its creator and administrators; a job whose node stopped shows as abandoned. */
    public ImportJobView get(long id, String userId) {
        ImportJob job = jobs.find(id).filter(j -> j.createdBy().equals(userId) || access.isAdmin(userId))
                .orElseThrow(() -> new NotFoundException("No import " + id + "."));
        if (!job.status().finished()) {
            jobs.abandonIfStale(id, now().minus(properties.staleAfter()), now());
        }
        return view(id);
    }

    private ImportJobView view(long id) {
        return ImportJobView.of(jobs.find(id).orElseThrow(), jobs.problems(id));
    }

    /**
     * The currencies the figures can add up: the pipeline's (the default of a row without one), the base
     * currency and every currency with a rate (cadence.currency.*).
     */
    private List<String> currencies() {
        List<String> currencies = new ArrayList<>(List.of(pipeline.currency().toUpperCase()));
        java.util.stream.Stream.concat(java.util.stream.Stream.of(rates.base()), rates.rates().keySet().stream())
                .map(c -> c.trim().toUpperCase()).filter(c -> !currencies.contains(c)).forEach(currencies::add);
        return currencies;
    }

    private void run(long id, List<Sheet> sheets, ImportRules rules, boolean dryRun, String userId) {
        int total = sheets.stream().mapToInt(s -> s.rows().size()).sum();
        try {
            if (!jobs.claim(id, now())) {
                return;
            }
            Progress validated = new Progress(n -> jobs.validated(id, n, now()), properties.progressEvery());
            if (dryRun) {
                ImportRows rows = new ImportValidator(rules, lookups, properties.maxProblems()).validate(sheets, validated);
                validated.flush(total);
                finish(id, rows, total, dryRun, null);
                return;
            }
            // validated and stored in one transaction, under the import lock: nothing is stored unless every row is good
            ImportRows[] result = new ImportRows[1];
            ImportWriter.Created created = transaction.execute(tx -> {
                lock.hold();
                ImportRows rows = new ImportValidator(rules, lookups, properties.maxProblems()).validate(sheets, validated);
                validated.flush(total);
                result[0] = rows;
                if (!rows.clean()) {
                    return null;
                }
                jobs.status(id, ImportStatus.IMPORTING, now());
                Progress imported = new Progress(n -> jobs.imported(id, n, now()), properties.progressEvery());
                ImportWriter.Created done = writer.write(rows, userId, id, imported);
                imported.flush(rows.size());
                return done;
            });
            finish(id, result[0], total, false, created);
        } catch (org.springframework.dao.ConcurrencyFailureException | org.springframework.dao.DataIntegrityViolationException
                 | com.salescadence.common.ConflictException e) {
            log.warn("Import {} clashed with another write and was rolled back: {}", id, e.getMessage());
            jobs.finish(id, ImportStatus.FAILED, 0, 0, 0, 0, "Someone stored some of these rows at the same time; nothing of "
                    + "this import was stored. Import the files again: rows that exist now are listed as such.", now());
        } catch (RuntimeException e) {
            log.error("Import {} failed; its transaction was rolled back", id, e);
            jobs.finish(id, ImportStatus.FAILED, 0, 0, 0, 0,
                    "The import failed and stored nothing: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), now());
        } finally {
            held.remove(id);
        }
    }

    private void finish(long id, ImportRows rows, int total, boolean dryRun, ImportWriter.Created created) {
        if (!rows.clean()) {
            jobs.addProblems(id, rows.problems());
            jobs.finish(id, ImportStatus.REJECTED, rows.badRows(), 0, 0, 0, rows.badRows() + " of " + total
                    + " rows are bad (" + rows.problemCount() + " problems" + (rows.problemsLeftOut()
                            ? "; the first " + rows.problems().size() + " are listed" : "")
                    + "); nothing was stored. Fix them and import the files again.", now());
        } else if (dryRun) {
            String valid = counts(rows.people().size(), rows.quotas().size(), rows.accounts().size(), rows.contacts().size(), rows.deals().size())
                    + (rows.history().isEmpty() ? "" : historyCounts(rows.history()));
            jobs.finish(id, ImportStatus.VALIDATED, 0, 0, 0, 0, "Dry run: all " + rows.size()
                    + " rows are valid (" + (valid.startsWith(", ") ? valid.substring(2) : valid) + "); nothing was stored.", now());
        } else {
            jobs.createdPeople(id, created.people(), created.quotas());
            String imported = counts(created.people(), created.quotas(), created.accounts(), created.contacts(), created.opportunities());
            String history = created.history();
            jobs.finish(id, ImportStatus.DONE, 0, created.accounts(), created.contacts(), created.opportunities(),
                    "Imported " + (imported.isEmpty() ? history : history.isEmpty() ? imported : imported + ", " + history) + ".", now());
        }
    }

    /** ", 40 stage history entries, 12 orders, 26 weekly commits" (issue 12). */
    private static String historyCounts(HistoryRows history) {
        return (history.stageEntries() > 0 ? ", " + history.stageEntries() + " stage history entries" : "")
                + (history.orders().isEmpty() ? "" : ", " + history.orders().size() + " orders")
                + (history.commits().isEmpty() ? "" : ", " + history.commits().size() + " weekly commits");
    }

    private static String counts(int people, int quotas, int accounts, int contacts, int opportunities) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(people == 1 ? "person" : "people", people);
        counts.put(quotas == 1 ? "quota" : "quotas", quotas);
        counts.put(accounts == 1 ? "account" : "accounts", accounts);
        counts.put(contacts == 1 ? "contact" : "contacts", contacts);
        counts.put(opportunities == 1 ? "opportunity" : "opportunities", opportunities);
        return counts.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(systemClock);
    }

    /** Reports progress every {@code every} rows, and the final count once. */
    private static final class Progress implements IntConsumer {
        private final IntConsumer report;
        private final int every;
        private int reported;

        Progress(IntConsumer report, int every) {
            this.report = report;
            this.every = Math.max(1, every);
        }

        @Override
        public void accept(int done) {
            if (done - reported >= every) {
                reported = done;
                report.accept(done);
            }
        }

        void flush(int done) {
            if (done != reported) {
                reported = done;
                report.accept(done);
            }
        }
    }
}
