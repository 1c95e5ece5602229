package com.salescadence.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import com.salescadence.common.ValidationException;
import com.salescadence.pipeline.PipelineProperties;
import com.salescadence.pipeline.stage.StageModelCatalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports", description = "Accounts, contacts and opportunities from CSV files: dry run, all-or-nothing import, progress")
class ImportController {

    private static final String TEXT_CSV = "text/csv";

    private final ImportJobs imports;
    private final ImportProperties properties;
    private final StageModelCatalog stageModels;
    private final PipelineProperties pipeline;
    private final Clock clock;

    ImportController(ImportJobs imports, ImportProperties properties, StageModelCatalog stageModels,
                     PipelineProperties pipeline, Clock clock) {
        this.imports = imports;
        this.properties = properties;
        this.stageModels = stageModels;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Manager (for their team) or admin: import a CSV file uploaded as the part 'file' (with type), "
            + "or several files in parts named after their types: people, quotas (administrators only), accounts, contacts, "
            + "opportunities and a team's history (stage_history, orders, commits; with the opportunities they refer to) "
            + "(one job, all or nothing)",
            description = "200 with the finished job for small files, 202 with the queued job (and Location) for large ones; "
                    + "poll GET /api/imports/{id}. dryRun=true checks every row and stores nothing. A real import stores "
                    + "nothing when any row is bad. 400 for a malformed file, 413 above cadence.import.max-bytes.")
    @ApiResponse(responseCode = "202", description = "Accepted: running in the background")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = UploadForm.class)))
    ResponseEntity<ImportJobView> upload(
            @Parameter(description = "people, quotas (administrators), accounts, contacts, opportunities, stage_history, orders or commits (for the part 'file')") @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "For a Salesforce export: a JSON object from each of the team's stage names to a stage code of the "
                    + "active model, e.g. {\"Prospecting\":\"IDENTIFY\"}; names that are a stage's code or name, and names only used on "
                    + "closed deals, need none") @RequestParam(required = false) String stageMapping,
            MultipartHttpServletRequest request, Principal principal) throws IOException {
        return answer(imports.start(principal.getName(), files(type, request), dryRun, stageMapping(stageMapping)));
    }

    @PostMapping(value = "/salesforce/stages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Manager or admin: the stage names of a Salesforce export (parts salesforce_opportunity, "
            + "salesforce_opportunity_history, salesforce_opportunity_field_history) with the stage each resolves to without a "
            + "choice, and the active model's stages: what the import page's stage mapping lists. Stores nothing.")
    SalesforceStageNames salesforceStages(MultipartHttpServletRequest request, Principal principal) throws IOException {
        return imports.stageNames(principal.getName(), files(null, request));
    }

    private Map<String, String> stageMapping(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> mapping = MAPPER.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
            return mapping == null ? Map.of() : mapping;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ValidationException("stageMapping must be a JSON object of stage names to stage codes, like {\"Prospecting\":\"IDENTIFY\"}. / "
                    + "stageMapping 必须是从阶段名称到阶段代码的 JSON 对象，例如 {\"Prospecting\":\"IDENTIFY\"}。");
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private Map<ImportKind, byte[]> files(String type, MultipartHttpServletRequest request) throws IOException {
        Map<ImportKind, byte[]> files = new EnumMap<>(ImportKind.class);
        for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
            if (part.getValue().size() != 1) {
                throw new ValidationException("Send one file per part; part '" + part.getKey() + "' has " + part.getValue().size() + ".");
            }
            ImportKind kind;
            if ("file".equals(part.getKey())) {
                if (type == null) {
                    throw new ValidationException("Say what the file holds: ?type=accounts, contacts, opportunities, people or quotas.");
                }
                kind = ImportKind.of(type);
            } else {
                kind = ImportKind.of(part.getKey());
            }
            if (files.put(kind, read(part.getValue().get(0).getInputStream())) != null) {
                throw new ValidationException("Two files of " + kind.key() + " were sent; send one.");
            }
        }
        return files;
    }

    @PostMapping(consumes = {TEXT_CSV, MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Manager (for their team) or admin: import the CSV sent as the request body (text/csv)",
            description = "As the multipart upload, for one file of the given type.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
    ResponseEntity<ImportJobView> body(@RequestParam String type, @RequestParam(defaultValue = "false") boolean dryRun,
                                       @RequestParam(required = false) String stageMapping,
                                       HttpServletRequest request, Principal principal) throws IOException {
        ImportKind kind = ImportKind.of(type);
        return answer(imports.start(principal.getName(), Map.of(kind, read(request.getInputStream())), dryRun, stageMapping(stageMapping)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's status, progress (rows done of total, percent) and report of every bad value (line, column, reason)")
    ImportJobView get(@PathVariable long id, Principal principal) {
        return imports.get(id, principal.getName());
    }

    @GetMapping(value = "/templates/{type}", produces = TEXT_CSV)
    @Operation(summary = "A CSV template of a type: the header and one example row (lang=zh for the Chinese column names)")
    ResponseEntity<byte[]> template(@PathVariable String type, @RequestParam(defaultValue = "en") String lang, Principal principal) {
        ImportKind kind = ImportKind.of(type);
        if (kind.salesforce()) {
            throw new ValidationException("A Salesforce export is imported as Salesforce writes it: there is no template. / "
                    + "Salesforce 导出按其原样导入，没有模板。");
        }
        boolean zh = lang.toLowerCase().startsWith("zh");
        String csv = "\uFEFF" + ImportTemplates.csv(kind, zh, principal.getName(), stageModels.active(), pipeline.currency(),
                LocalDate.now(clock));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + kind.key() + (zh ? "-zh" : "") + "-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts an upload may have (for the OpenAPI document). */
    record UploadForm(
            @Schema(type = "string", format = "binary", description = "one CSV file of the type given by ?type=") String file,
            @Schema(type = "string", format = "binary", description = "a CSV file of people (administrators)") String people,
            @Schema(type = "string", format = "binary", description = "a CSV file of quotas (administrators)") String quotas,
            @Schema(type = "string", format = "binary", description = "a CSV file of accounts") String accounts,
            @Schema(type = "string", format = "binary", description = "a CSV file of contacts") String contacts,
            @Schema(type = "string", format = "binary", description = "a CSV file of opportunities") String opportunities,
            @Schema(type = "string", format = "binary", description = "the deals' dated stage history (deal, stage, entered_on)") String stage_history,
            @Schema(type = "string", format = "binary", description = "the won deals' orders and payments") String orders,
            @Schema(type = "string", format = "binary", description = "past weekly commits (rep, week, commit, upside)") String commits,
            @Schema(type = "string", format = "binary", description = "Salesforce export: User.csv (owners matched to people by Email)") String salesforce_user,
            @Schema(type = "string", format = "binary", description = "Salesforce export: Account.csv") String salesforce_account,
            @Schema(type = "string", format = "binary", description = "Salesforce export: Opportunity.csv") String salesforce_opportunity,
            @Schema(type = "string", format = "binary", description = "Salesforce export: OpportunityHistory.csv") String salesforce_opportunity_history,
            @Schema(type = "string", format = "binary", description = "Salesforce export: OpportunityFieldHistory.csv (read when there is no OpportunityHistory.csv)") String salesforce_opportunity_field_history,
            @Schema(type = "string", description = "Salesforce export: JSON object of the team's stage names to stage codes") String stageMapping) {
    }

    private ResponseEntity<ImportJobView> answer(ImportJobs.Started started) {
        URI location = URI.create("/api/imports/" + started.job().id());
        return ResponseEntity.status(started.finished() ? HttpStatus.OK : HttpStatus.ACCEPTED).location(location).body(started.job());
    }

    /** Reads a file up to the import limit; one byte more is refused with 413. */
    private byte[] read(InputStream in) throws IOException {
        long max = properties.maxBytes().toBytes();
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new FileTooLargeException(max);
            }
            return bytes;
        }
    }
}
