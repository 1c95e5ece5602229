package com.salescadence.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The protected list against the models and forms of the repository: nothing a form submits is protected
 * (no false refusals), and everything the models route on that no form submits is protected (no gap).
 */
class ProtectedVariablesTest {

    private static final Path BPMN = Path.of("bpmn");
    private static final Path FORMS = Path.of("forms");

    /** The attributes and elements of a model whose expressions decide who works next, where the flow goes, and when. */
    private static final Pattern ROUTING_EXPRESSION = Pattern.compile(
            "camunda:(?:assignee|candidateUsers|candidateGroups|dueDate|followUpDate)=\"([^\"]*)\""
                    + "|<bpmn:(?:conditionExpression|timeDate|timeDuration|timeCycle)[^>]*>([^<]*)<");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*[.(\\w])");
    private static final Set<String> EL_WORDS = Set.of("null", "true", "false", "and", "or", "not", "eq", "ne", "lt",
            "gt", "le", "ge", "empty", "div", "mod", "instanceof", "execution", "task");

    @Test
    void no_field_of_any_form_is_protected() throws IOException {
        Map<String, Set<String>> fieldsByForm = formFields();
        // nine forms are embedded HTML now (weekly commit, commit call, roll-up review, quarterly review, tier review,
        // monthly forecast, account plan, forecast review, quarterly review preparation)
        assertThat(fieldsByForm).hasSizeGreaterThanOrEqualTo(15);
        assertThat(fieldsByForm.get("work-stage.form")).contains("stageAction", "outcomesMet", "claimedProbability");
        fieldsByForm.forEach((form, fields) -> assertThat(fields).as(form).doesNotContainAnyElementsOf(ProtectedVariables.NAMES));
    }

    @Test
    void no_field_the_api_submits_is_protected() throws IllegalAccessException {
        Set<String> apiFields = new TreeSet<>();
        for (Class<?> process : new Class<?>[] {LeadToCashProcess.class, WeeklyCommitProcess.class,
                MonthlyForecastProcess.class, QuarterlyReviewProcess.class, AccountPlanProcess.class}) {
            for (Field field : process.getFields()) {
                if (field.getName().startsWith("F_") && Modifier.isStatic(field.getModifiers())) {
                    apiFields.add((String) field.get(null));
                }
            }
        }
        assertThat(apiFields).contains("stageAction", "advanceDecision", "months", "adjustments", "targets");
        assertThat(apiFields).doesNotContainAnyElementsOf(ProtectedVariables.NAMES);
    }

    @Test
    void every_variable_the_models_route_on_is_protected_unless_a_form_submits_it() throws IOException {
        Set<String> formFields = new TreeSet<>();
        formFields().values().forEach(formFields::addAll);
        Set<String> routing = routingVariables();
        assertThat(routing).contains("approverId", "managerId", "chaseAssignee", "gatePassed", "stageAction", "cycleStart");

        Set<String> unprotected = new TreeSet<>(routing);
        unprotected.removeAll(ProtectedVariables.NAMES);
        unprotected.removeAll(formFields);
        assertThat(unprotected).as("variables the models route on that are neither protected nor a form field").isEmpty();
        assertThat(routing).as("chosen on a form, so not protected").contains("stageAction");
    }

    @Test
    void identifiers_of_an_expression_are_its_variables_not_its_beans_methods_or_literals() {
        assertThat(variablesOf("${organization.approverOf(ownerId)}")).containsExactly("ownerId");
        assertThat(variablesOf("${cycleClock.at(monitorStart, 'P3M', 'P3M', reviewsHeld + 1)}"))
                .containsExactlyInAnyOrder("monitorStart", "reviewsHeld");
        assertThat(variablesOf("${stageAction == 'advance' && !gatePassed}")).containsExactlyInAnyOrder("stageAction", "gatePassed");
        assertThat(variablesOf("${chaseAssignee != null}")).containsExactly("chaseAssignee");
    }

    private static Set<String> routingVariables() throws IOException {
        Set<String> variables = new TreeSet<>();
        for (Path model : files(BPMN, ".bpmn")) {
            Matcher matcher = ROUTING_EXPRESSION.matcher(Files.readString(model));
            while (matcher.find()) {
                String text = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                variables.addAll(variablesOf(text.replace("&amp;", "&").replace("&gt;", ">").replace("&lt;", "<")));
            }
        }
        return variables;
    }

    private static Set<String> variablesOf(String text) {
        Set<String> variables = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'", "''"));
            while (identifier.find()) {
                if (!EL_WORDS.contains(identifier.group(1))) {
                    variables.add(identifier.group(1));
                }
            }
        }
        return variables;
    }

    private static Map<String, Set<String>> formFields() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> fields = new TreeMap<>();
        for (Path form : files(FORMS, ".form")) {
            Set<String> keys = new TreeSet<>();
            collectKeys(json.readTree(form.toFile()), keys);
            fields.put(form.getFileName().toString(), keys);
        }
        return fields;
    }

    private static void collectKeys(JsonNode component, Set<String> keys) {
        for (String property : new String[] {"key", "path"}) {
            if (component.hasNonNull(property) && component.get(property).isTextual()) {
                keys.add(component.get(property).asText());
            }
        }
        for (JsonNode child : component.path("components")) {
            collectKeys(child, keys);
        }
    }

    private static Set<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.filter(file -> file.toString().endsWith(suffix)).toList());
        }
    }
}
