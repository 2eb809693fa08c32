package vn.gov.thidua.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Our Vietnamese webapps translate every text of Camunda's English ones: compared with the {@code en.json} in the
 * Camunda webjar on the classpath, {@code vi.json} has the same keys, keeps each placeholder, and leaves nothing in
 * English but technical values. At the next Camunda upgrade this names every new or renamed text.
 */
class WebappTranslationsTest {

    /** Values that read the same in both languages: type names, symbols, product names, date format tokens. */
    private static final Set<String> SAME_IN_VIETNAMESE = Set.of(
            "String", "Boolean", "Short", "Integer", "Long", "Double", "<null>", "<undefined>", "null", "ID", "ID*",
            "CSV", "JSON", "Camunda", "Camunda Cockpit", "Optimize", "<", "<=", ">", ">=", "",
            "L", "HH:mm", "DD/MM/YYYY", "YYYY-MM-DDTHH:mm:ss");
    /** Angular-translate's {{ name }} and moment's %s / %d. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|%[sd]");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void vietnamese_hasEveryKeyOfCamundasEnglish_keepsItsPlaceholders_andTranslatesEveryText(String app) throws IOException {
        Map<String, JsonNode> english = flatten(read(camundasEnglish(app)));
        Map<String, JsonNode> vietnamese = flatten(read(new ClassPathResource(
                "META-INF/resources/webjars/camunda/app/" + app + "/locales/vi.json")));
        assertThat(english).as("Camunda's en.json of %s", app).hasSizeGreaterThan(100);

        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(vietnamese.keySet());
        Set<String> extra = new TreeSet<>(vietnamese.keySet());
        extra.removeAll(english.keySet());
        List<String> untranslated = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        english.forEach((key, value) -> {
            JsonNode translation = vietnamese.get(key);
            if (translation == null || !value.isTextual()) {
                return;
            }
            if (translation.asText().equals(value.asText()) && !SAME_IN_VIETNAMESE.contains(value.asText())) {
                untranslated.add(key + " = " + value.asText());
            }
            if (!placeholders(value.asText()).equals(placeholders(translation.asText()))) {
                placeholders.add(key + ": " + value.asText() + " -> " + translation.asText());
            }
        });

        assertThat(missing).as("%s: keys of Camunda's en.json missing from vi.json", app).isEmpty();
        assertThat(extra).as("%s: keys of vi.json Camunda's en.json no longer has", app).isEmpty();
        assertThat(untranslated).as("%s: texts left in English", app).isEmpty();
        assertThat(placeholders).as("%s: placeholders lost or added in translation", app).isEmpty();
    }

    private static Resource camundasEnglish(String app) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json");
        assertThat(found).as("en.json of %s in the Camunda webjar", app).isNotEmpty();
        return found[0];
    }

    /** Reads a locale file; Camunda's start with a UTF-8 byte order mark, which Jackson does not skip. */
    private JsonNode read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    /** Every leaf by its path: {@code labels.SIGN_OUT_ACTION}, {@code dateLocales.months[0]}. */
    private static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1) != null ? matcher.group(1) : matcher.group());
        }
        return found;
    }
}
