package vn.gov.thidua.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import vn.gov.thidua.agency.AgencyKind;
import vn.gov.thidua.campaign.CampaignDefinition.AwardForm;
import vn.gov.thidua.campaign.CampaignDefinition.Criterion;

import static vn.gov.thidua.validation.InputCheck.invalid;

/**
 * Criteria thresholds written in a definition ({@code awardForms[].criteria}) as the DMN decision table the
 * dossier's pre-check evaluates, so a province states "departments ≥ 90 %, communes ≥ 60 %" without Camunda Modeler.
 * The table reads what every criteria table reads ({@code nomineeLevel}, {@code percent_<FIELD>}, {@code rank_<FIELD>})
 * and answers {@code outcome} and {@code reason}; rules in the order: no figure (MANUAL), under a threshold
 * (INELIGIBLE), all thresholds of the kind met (ELIGIBLE), a kind the plan sets no threshold for (MANUAL).
 */
public final class CriteriaThresholds {

    /** Generated keys start so; the list of decisions a definition may name leaves them out. */
    public static final String KEY_PREFIX = "tieu-chuan.";
    private static final String FIELD = "[A-Z][A-Z0-9_]{0,62}";

    private CriteriaThresholds() {
    }

    /** The decision key of a form's generated table: one per campaign and award form. */
    public static String decisionKey(String campaignCode, String formKey) {
        return KEY_PREFIX + campaignCode + "." + formKey;
    }

    static boolean generates(AwardForm form) {
        return form.criteria() != null && !form.criteria().isEmpty();
    }

    /** The forms with thresholds and no decision named get their generated table's key. */
    static List<AwardForm> withGeneratedDecisions(String code, List<AwardForm> forms) {
        if (forms == null || code == null) {
            return forms;
        }
        return forms.stream().map(form -> form != null && generates(form) && form.criteriaDecision() == null
                ? form.withCriteriaDecision(decisionKey(code, form.key())) : form).toList();
    }

    /** Refuses thresholds the table could not be built from, naming the field. */
    static void check(String code, AwardForm form, String at) {
        if (!generates(form)) {
            return;
        }
        if (!decisionKey(code, form.key()).equals(form.criteriaDecision())) {
            throw invalid(at + ".criteriaDecision", "không dùng cùng criteria: có ngưỡng tiêu chuẩn thì sản phẩm tự tạo bảng quyết định");
        }
        Set<String> fields = new LinkedHashSet<>();
        for (int i = 0; i < form.criteria().size(); i++) {
            String c = at + ".criteria[" + i + "]";
            Criterion criterion = form.criteria().get(i);
            if (criterion == null || criterion.field() == null || !criterion.field().matches(FIELD)) {
                throw invalid(c + ".field", "phải là mã lĩnh vực đánh giá, chữ in hoa không dấu, chữ số, gạch dưới (ví dụ CHUYEN_DOI_SO)");
            }
            if (!fields.add(criterion.field())) {
                throw invalid(c + ".field", "trùng lĩnh vực '" + criterion.field() + "'; ghi các ngưỡng của một lĩnh vực trong một mục");
            }
            boolean none = (criterion.minPercent() == null || criterion.minPercent().isEmpty())
                    && (criterion.maxRank() == null || criterion.maxRank().isEmpty());
            if (none) {
                throw invalid(c, "cần minPercent hoặc maxRank theo loại đơn vị (ví dụ minPercent: { DEPARTMENT: 90 })");
            }
            if (criterion.minPercent() != null) {
                criterion.minPercent().forEach((kind, min) -> {
                    if (min == null || min.signum() < 0 || min.compareTo(BigDecimal.valueOf(100)) > 0) {
                        throw invalid(c + ".minPercent." + kind, "phải là tỷ lệ phần trăm từ 0 đến 100");
                    }
                });
            }
            if (criterion.maxRank() != null) {
                criterion.maxRank().forEach((kind, max) -> {
                    if (max == null || max < 1) {
                        throw invalid(c + ".maxRank." + kind, "phải là thứ hạng từ 1 trở lên");
                    }
                });
            }
        }
    }

    /** The decision table of a form with thresholds, built with Camunda's DMN model API and validated by its schema. */
    static DmnModelInstance table(CampaignDefinition campaign, AwardForm form) {
        Builder b = new Builder(form.criteriaDecision(), "Tiêu chuẩn " + form.name() + " - " + campaign.planNumber());
        b.input("nomineeLevel", "Cấp xếp hạng", "string");
        for (Criterion c : form.criteria()) {
            if (c.minPercent() != null && !c.minPercent().isEmpty()) {
                b.input("percent_" + c.field(), "Tỷ lệ điểm " + c.field() + " (%)", "double");
            }
            if (c.maxRank() != null && !c.maxRank().isEmpty()) {
                b.input("rank_" + c.field(), "Xếp hạng " + c.field(), "integer");
            }
        }
        Set<AgencyKind> kinds = new LinkedHashSet<>();
        form.criteria().forEach(c -> {
            if (c.minPercent() != null) kinds.addAll(c.minPercent().keySet());
            if (c.maxRank() != null) kinds.addAll(c.maxRank().keySet());
        });
        for (AgencyKind kind : kinds) {
            String level = "\"" + kind.name() + "\"";
            String of = kind.label();
            List<String> met = new ArrayList<>();
            for (Criterion c : form.criteria()) {
                BigDecimal min = c.minPercent() == null ? null : c.minPercent().get(kind);
                if (min != null) {
                    String variable = "percent_" + c.field();
                    b.rule(Map.of("nomineeLevel", level, variable, "null"), "MANUAL",
                            "Chưa có số liệu lĩnh vực " + c.field() + "; cơ quan thường trực đánh giá.");
                    b.rule(Map.of("nomineeLevel", level, variable, "< " + min.toPlainString()), "INELIGIBLE",
                            "Lĩnh vực " + c.field() + " đạt dưới " + min.toPlainString() + "% (ngưỡng của " + of + ").");
                    met.add(c.field() + " từ " + min.toPlainString() + "%");
                }
                Integer max = c.maxRank() == null ? null : c.maxRank().get(kind);
                if (max != null) {
                    String variable = "rank_" + c.field();
                    b.rule(Map.of("nomineeLevel", level, variable, "null"), "MANUAL",
                            "Chưa có xếp hạng lĩnh vực " + c.field() + "; cơ quan thường trực đánh giá.");
                    b.rule(Map.of("nomineeLevel", level, variable, "> " + max), "INELIGIBLE",
                            "Lĩnh vực " + c.field() + " xếp hạng sau hạng " + max + " (ngưỡng của " + of + ").");
                    met.add(c.field() + " trong " + max + " hạng đầu");
                }
            }
            b.rule(Map.of("nomineeLevel", level), "ELIGIBLE", "Đạt ngưỡng của " + of + ": " + String.join("; ", met) + ".");
        }
        b.rule(Map.of(), "MANUAL", "Phong trào chỉ quy định ngưỡng tiêu chuẩn cho "
                + kinds.stream().map(AgencyKind::label).collect(Collectors.joining(", ")) + "; cơ quan thường trực đánh giá.");
        Dmn.validateModel(b.model);
        return b.model;
    }

    /** Writes the table element by element; ids are the decision's own, numbered. */
    private static final class Builder {

        private final DmnModelInstance model = Dmn.createEmptyModel();
        private final DecisionTable table;
        private final List<String> inputs = new ArrayList<>();
        private int ids;

        Builder(String key, String name) {
            Definitions definitions = model.newInstance(Definitions.class, "Definitions_" + id());
            definitions.setName(name);
            definitions.setNamespace("http://thidua.gov.vn/dmn/generated");
            model.setDefinitions(definitions);
            Decision decision = model.newInstance(Decision.class, key);
            decision.setName(name);
            decision.setCamundaHistoryTimeToLiveString("3650");
            definitions.addChildElement(decision);
            table = model.newInstance(DecisionTable.class, "DecisionTable_" + id());
            table.setHitPolicy(HitPolicy.FIRST);
            decision.addChildElement(table);
        }

        void input(String variable, String label, String type) {
            Input input = model.newInstance(Input.class, "Input_" + id());
            input.setLabel(label);
            InputExpression expression = model.newInstance(InputExpression.class, "InputExpression_" + id());
            expression.setTypeRef(type);
            expression.setText(text(variable));
            input.setInputExpression(expression);
            table.getInputs().add(input);
            inputs.add(variable);
        }

        void rule(Map<String, String> tests, String outcome, String reason) {
            // the schema puts outputs after every input: they are added with the first rule
            if (table.getOutputs().isEmpty()) {
                output("outcome", "Kết quả");
                output("reason", "Lý do");
            }
            Rule rule = model.newInstance(Rule.class, "Rule_" + id());
            for (String variable : inputs) {
                InputEntry entry = model.newInstance(InputEntry.class, "UnaryTests_" + id());
                entry.setText(text(tests.getOrDefault(variable, "")));
                rule.getInputEntries().add(entry);
            }
            rule.getOutputEntries().add(outputEntry("\"" + outcome + "\""));
            rule.getOutputEntries().add(outputEntry("\"" + reason + "\""));
            table.getRules().add(rule);
        }

        private void output(String name, String label) {
            Output output = model.newInstance(Output.class, "Output_" + id());
            output.setName(name);
            output.setLabel(label);
            output.setTypeRef("string");
            table.getOutputs().add(output);
        }

        private OutputEntry outputEntry(String expression) {
            OutputEntry entry = model.newInstance(OutputEntry.class, "LiteralExpression_" + id());
            entry.setText(text(expression));
            return entry;
        }

        private Text text(String content) {
            Text text = model.newInstance(Text.class);
            text.setTextContent(content);
            return text;
        }

        private String id() {
            return Integer.toString(++ids);
        }
    }
}
