package org.gridcase.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our Simplified Chinese locale files must cover the English ones shipped in the Camunda webjar: a key missing
 * from zh.json shows up in the webapp as the bare key (e.g. TASK_ACTIONS_CLAIM). Fails after a Camunda upgrade
 * that adds labels, listing the keys to translate.
 */
class WebappLocaleTests {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    private final ObjectMapper json = new ObjectMapper();

    static Stream<String> apps() {
        return Stream.of("tasklist", "cockpit", "admin", "welcome");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void chineseHasEveryKeyOfTheShippedEnglish(String app) throws IOException {
        JsonNode en = read(app, "en");
        JsonNode zh = read(app, "zh");

        List<String> missing = new ArrayList<>();
        collectMissing("", en, zh, missing);

        assertThat(en.path("labels").size()).as("labels in the shipped en.json of %s", app).isGreaterThan(100);
        assertThat(missing).as("keys of %s/locales/en.json missing from zh.json", app).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("apps")
    void chineseKeepsThePlaceholdersOfTheEnglish(String app) throws IOException {
        JsonNode en = read(app, "en").path("labels");
        JsonNode zh = read(app, "zh").path("labels");

        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, JsonNode> label : en.properties()) {
            JsonNode translated = zh.path(label.getKey());
            if (translated.isTextual()
                    && !placeholders(label.getValue().asText()).equals(placeholders(translated.asText()))) {
                broken.add(label.getKey());
            }
        }
        assertThat(broken).as("labels of %s whose {{placeholders}} differ from en.json", app).isEmpty();
    }

    private JsonNode read(String app, String locale) throws IOException {
        String path = LOCALES.formatted(app, locale);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            return json.readTree(in);
        }
    }

    private static void collectMissing(String path, JsonNode en, JsonNode zh, List<String> missing) {
        if (!en.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : en.properties()) {
            String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode counterpart = zh.get(field.getKey());
            if (counterpart == null || counterpart.getNodeType() != field.getValue().getNodeType()) {
                missing.add(key);
            } else {
                collectMissing(key, field.getValue(), counterpart, missing);
            }
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        found.sort(null);
        return found;
    }
}
