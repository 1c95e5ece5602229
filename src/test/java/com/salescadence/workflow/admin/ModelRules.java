package com.salescadence.workflow.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules bpmnlint cannot check, over a folder of models and a folder of forms: every executable
 * process has a history time to live; every user task has a Camunda form deployed with it
 * (camunda:formRef to a form of the forms folder, camunda:formRefBinding="deployment"); every form's id
 * is its file name; every bean an expression names (delegateExpression, or bean.method(...) in any
 * expression) exists.
 */
final class ModelRules {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*$");
    private static final Pattern METHOD_CALL = Pattern.compile("(?<![\\w.'\"])([A-Za-z_][A-Za-z0-9_]*)\\.[A-Za-z_][A-Za-z0-9_]*\\s*\\(");
    /** Names the engine itself provides in expressions. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "S", "JSON", "XML",
            "dateTime", "currentUser", "currentUserGroups", "authenticatedUserId", "variables");

    private ModelRules() {
    }

    static List<String> check(Path bpmnDir, Path formsDir, Predicate<String> beanExists) throws IOException {
        List<String> problems = new ArrayList<>();
        TreeMap<String, Path> forms = forms(formsDir, problems);
        for (Path file : files(bpmnDir, ".bpmn")) {
            String name = file.getFileName().toString();
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
                    problems.add(name + ": process " + process.getId() + " has no camunda:historyTimeToLive");
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String formRef = task.getCamundaFormRef();
                String formKey = task.getCamundaFormKey();
                if (formKey != null && formKey.startsWith(EMBEDDED)) { // an embedded form: forms/<name>.html, deployed with the models
                    String embedded = formKey.substring(EMBEDDED.length());
                    if (!embedded.startsWith("forms/") || !embedded.endsWith(".html") || !Files.isRegularFile(formsDir.resolve(embedded.substring(6)))) {
                        problems.add(name + ": user task " + task.getId() + " refers to embedded form '" + embedded + "', which is not in forms/");
                    }
                    continue;
                }
                if (blank(formRef)) {
                    problems.add(name + ": user task " + task.getId() + " has no camunda:formRef");
                    continue;
                }
                if (!forms.containsKey(formRef)) {
                    problems.add(name + ": user task " + task.getId() + " refers to form '" + formRef + "', which is not in forms/");
                }
                if (!"deployment".equals(task.getCamundaFormRefBinding())) {
                    problems.add(name + ": user task " + task.getId() + " must bind its form with camunda:formRefBinding=\"deployment\" (is "
                            + task.getCamundaFormRefBinding() + ")");
                }
            }
            beans(file, name, beanExists, problems);
        }
        return problems;
    }

    private static final String EMBEDDED = "embedded:deployment:";

    private static TreeMap<String, Path> forms(Path formsDir, List<String> problems) throws IOException {
        ObjectMapper json = new ObjectMapper();
        TreeMap<String, Path> forms = new TreeMap<>();
        for (Path file : files(formsDir, ".form")) {
            String expected = file.getFileName().toString().replaceFirst("\\.form$", "");
            JsonNode id = json.readTree(file.toFile()).get("id");
            if (id == null || !expected.equals(id.asText())) {
                problems.add("forms/" + file.getFileName() + ": form id " + (id == null ? "missing" : "'" + id.asText() + "'")
                        + " must equal the file name '" + expected + "'");
            }
            forms.put(id == null ? expected : id.asText(), file);
        }
        return forms;
    }

    private static void beans(Path file, String name, Predicate<String> beanExists, List<String> problems) throws IOException {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            problems.add(name + ": not readable XML: " + e.getMessage());
            return;
        }
        walk(root, name, beanExists, problems);
    }

    private static void walk(Node node, String name, Predicate<String> beanExists, List<String> problems) {
        if (node instanceof Element element) {
            String owner = element.getAttribute("id").isEmpty() ? element.getLocalName() : element.getAttribute("id");
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                boolean delegate = "delegateExpression".equals(attribute.getLocalName());
                expressions(attribute.getValue(), delegate, name + ": " + owner + " " + attribute.getName(), beanExists, problems);
            }
        } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            Node parent = node.getParentNode();
            String owner = parent.getLocalName();
            for (Node up = parent.getParentNode(); up instanceof Element e; up = up.getParentNode()) {
                if (!e.getAttribute("id").isEmpty() && !e.getLocalName().endsWith("EventDefinition")) {
                    owner = e.getAttribute("id");
                    break;
                }
            }
            if (!"documentation".equals(parent.getLocalName())) {
                expressions(node.getNodeValue(), false, name + ": " + owner + " " + parent.getLocalName(), beanExists, problems);
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            walk(child, name, beanExists, problems);
        }
    }

    private static void expressions(String text, boolean delegate, String where, Predicate<String> beanExists, List<String> problems) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String body = expression.group(1);
            if (delegate) {
                Matcher reference = BEAN_REFERENCE.matcher(body);
                if (reference.matches() && !beanExists.test(reference.group(1))) {
                    problems.add(where + ": no bean named '" + reference.group(1) + "'");
                }
            }
            Matcher call = METHOD_CALL.matcher(body.replaceAll("'[^']*'|\"[^\"]*\"", "''"));
            while (call.find()) {
                String bean = call.group(1);
                if (!ENGINE_NAMES.contains(bean) && !beanExists.test(bean)) {
                    problems.add(where + ": no bean named '" + bean + "'");
                }
            }
        }
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
