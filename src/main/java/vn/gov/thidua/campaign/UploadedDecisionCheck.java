package vn.gov.thidua.campaign;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.xml.sax.SAXParseException;
import vn.gov.thidua.system.ApiException;

/**
 * What a Board's uploaded DMN must be for the dossier's pre-check to evaluate it: decisions the DMN engine parses
 * (through its public API, as the deployment will), keyed in the campaign's namespace, decision tables giving one
 * result with the columns the award-dossier process reads ({@code outcome}/{@code reason} for criteria,
 * {@code within}/{@code reason} for quotas), and inputs that name variables the dossier provides. Each refusal says
 * what is wrong and what is allowed.
 */
final class UploadedDecisionCheck {

    /** The variables a dossier passes to its decisions (DossierService.criteriaVariables). */
    static final List<String> PRODUCT_VARIABLES = List.of("nomineeKind", "nomineeLevel", "proposerKind", "nominationsOfKind",
            "lateNomination");
    private static final Pattern FIELD_VARIABLE = Pattern.compile("(rank|percent)_[A-Z][A-Z0-9_]{0,62}");
    private static final Set<String> OUTCOMES = Set.of("ELIGIBLE", "INELIGIBLE", "MANUAL");
    private static final Set<HitPolicy> SINGLE_RESULT = Set.of(HitPolicy.UNIQUE, HitPolicy.FIRST, HitPolicy.ANY, HitPolicy.PRIORITY);
    private static final String ALLOWED_INPUTS = String.join(", ", PRODUCT_VARIABLES)
            + ", rank_<LĨNH VỰC>, percent_<LĨNH VỰC> (ví dụ rank_CHUYEN_DOI_SO, percent_CHUYEN_DOI_SO)";
    private static final Pattern PARSER_LINE = Pattern.compile("(?:Error: )?URI=\\S* Line=(\\d+): (.*)");
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** The FEEL engine the DMN engine evaluates with; parsing here finds a broken cell before a dossier does. */
    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    private UploadedDecisionCheck() {
    }

    /** The decisions of the file, once every check has passed; a refusal (400) names the first problem. */
    static List<Decision> check(DmnModelInstance model, String namespace) {
        try {
            DMN.parseDecisions(model);
        } catch (DmnEngineException invalid) {
            throw refused("Bảng quyết định không hợp lệ: " + firstLine(invalid) + ".");
        }
        requireFeel(model);
        List<Decision> decisions = List.copyOf(model.getModelElementsByType(Decision.class));
        if (decisions.isEmpty()) {
            throw refused("Tệp không có bảng quyết định (decision) nào; cần ít nhất một, mã bắt đầu bằng '" + namespace + "'.");
        }
        Set<String> required = new HashSet<>();
        for (Decision decision : decisions) {
            String key = decision.getId();
            if (!key.startsWith(namespace) || key.length() == namespace.length()) {
                throw refused("Mã bảng quyết định '" + key + "' không thuộc phong trào: mã phải bắt đầu bằng '" + namespace
                        + "' (ví dụ " + namespace + "tieu-chuan-bang-khen).");
            }
            for (InformationRequirement requirement : decision.getInformationRequirements()) {
                if (requirement.getRequiredDecision() != null) {
                    required.add(requirement.getRequiredDecision().getId());
                }
            }
        }
        for (Decision decision : decisions) {
            checkTable(decision, !required.contains(decision.getId()));
        }
        return decisions;
    }

    private static void checkTable(Decision decision, boolean readByProcess) {
        String key = decision.getId();
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            throw refused("'" + key + "' không phải bảng quyết định dạng bảng (decision table); sản phẩm chỉ nhận dạng bảng.");
        }
        if (readByProcess && !SINGLE_RESULT.contains(table.getHitPolicy())) {
            throw refused("Bảng '" + key + "' dùng hit policy " + table.getHitPolicy() + ", cho nhiều kết quả; hồ sơ cần đúng"
                    + " một kết quả: dùng UNIQUE, FIRST, ANY hoặc PRIORITY.");
        }
        Set<String> allowed = new LinkedHashSet<>(PRODUCT_VARIABLES);
        for (InformationRequirement requirement : decision.getInformationRequirements()) {
            if (requirement.getRequiredDecision() != null
                    && requirement.getRequiredDecision().getExpression() instanceof DecisionTable requiredTable) {
                requiredTable.getOutputs().forEach(output -> allowed.add(output.getName()));
            }
        }
        for (Input input : table.getInputs()) {
            String text = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
                    : input.getInputExpression().getText().getTextContent().trim();
            if (!allowed.contains(text) && !FIELD_VARIABLE.matcher(text).matches()) {
                throw refused("Đầu vào '" + (input.getLabel() == null ? text : input.getLabel()) + "' của bảng '" + key
                        + "' đọc '" + text + "', biến mà hồ sơ không cung cấp. Đầu vào phải là tên một biến: " + ALLOWED_INPUTS + ".");
            }
        }
        for (Rule rule : table.getRules()) {
            for (InputEntry entry : rule.getInputEntries()) {
                requireParsed(key, rule, entry.getText(), true);
            }
            for (OutputEntry entry : rule.getOutputEntries()) {
                requireParsed(key, rule, entry.getText(), false);
            }
        }
        if (!readByProcess) {
            return;
        }
        List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
        int outcome = outputs.indexOf("outcome");
        if (outcome < 0 && !outputs.contains("within")) {
            throw refused("Bảng '" + key + "' có các cột kết quả " + outputs + "; cần cột 'outcome' (tiêu chuẩn: ELIGIBLE,"
                    + " INELIGIBLE, MANUAL) và 'reason', hoặc cột 'within' (số lượng: true, false) và 'reason'.");
        }
        if (outcome >= 0) {
            for (Rule rule : table.getRules()) {
                OutputEntry entry = List.copyOf(rule.getOutputEntries()).get(outcome);
                String value = entry.getText() == null ? "" : entry.getText().getTextContent().trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        && !OUTCOMES.contains(value.substring(1, value.length() - 1))) {
                    throw refused("Quy tắc '" + rule.getId() + "' của bảng '" + key + "' cho outcome " + value
                            + "; outcome chỉ nhận \"ELIGIBLE\", \"INELIGIBLE\" hoặc \"MANUAL\".");
                }
            }
        }
    }

    /**
     * Every expression is FEEL: a Board holds no rights on the engine, and another language (JUEL, a script) would run
     * what it wrote with the product's rights.
     */
    private static void requireFeel(DmnModelInstance model) {
        for (Class<? extends ModelElementInstance> type : List.of(Definitions.class, DecisionTable.class,
                LiteralExpression.class, UnaryTests.class)) {
            for (ModelElementInstance element : model.getModelElementsByType(type)) {
                String language = element.getAttributeValue("expressionLanguage");
                if (language != null && !language.toLowerCase(java.util.Locale.ROOT).contains("feel")) {
                    throw refused("Bảng quyết định dùng ngôn ngữ biểu thức '" + language + "'; sản phẩm chỉ nhận FEEL"
                            + " (bỏ thuộc tính expressionLanguage, hoặc ghi feel).");
                }
            }
        }
    }

    private static void requireParsed(String key, Rule rule, Text text, boolean unaryTests) {
        String cell = text == null || text.getTextContent() == null ? "" : text.getTextContent().trim();
        if (cell.isEmpty() || (unaryTests && cell.equals("-"))) {
            return;
        }
        ParseResult parsed = unaryTests ? FEEL.parseUnaryTests(cell) : FEEL.parseExpression(cell);
        if (parsed.isFailure()) {
            throw refused("Quy tắc '" + rule.getId() + "' của bảng '" + key + "': ô '" + cell + "' không phải biểu thức FEEL"
                    + " hợp lệ (" + firstLine(new IllegalArgumentException(parsed.failure().message())) + ").");
        }
    }

    /** The first line of the innermost message, with the line of the file where the XML parser gives one. */
    static String firstLine(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? error.getMessage() : cause.getMessage();
        message = message == null ? "không rõ lỗi" : message.lines().findFirst().orElse("").trim();
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        // the model parser reports a schema error as "Error: URI=null Line=12: cvc-..." without its exception
        Matcher line = PARSER_LINE.matcher(message);
        if (line.matches()) {
            message = "dòng " + line.group(1) + ": " + line.group(2);
        } else if (cause instanceof SAXParseException sax && sax.getLineNumber() > 0) {
            message = "dòng " + sax.getLineNumber() + ": " + message;
        }
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private static ApiException refused(String message) {
        return ApiException.invalid("file", message);
    }
}
