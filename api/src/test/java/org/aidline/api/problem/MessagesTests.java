package org.aidline.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every problem speaks both languages: the same keys in English and Chinese, each type's title and detail among them. */
class MessagesTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private final Properties english = load("messages.properties");
    private final Properties chinese = load("messages_zh.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(new TreeSet<>(chinese.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    }

    @Test
    void everyProblemTypeHasATitleAndADetailInBoth() {
        for (ProblemType type : ProblemType.values()) {
            for (String part : new String[] {"title", "detail"}) {
                String key = "problem." + type.slug() + "." + part;
                assertThat(english.getProperty(key)).as(key + " in English").isNotBlank();
                assertThat(chinese.getProperty(key)).as(key + " in Chinese").isNotBlank();
            }
        }
    }

    @Test
    void everyChineseMessageIsChineseWithTheSamePlaceholders() {
        for (String key : english.stringPropertyNames()) {
            assertThat(chinese.getProperty(key)).as(key + ": translated, not copied").containsPattern(CHINESE);
            assertThat(placeholders(chinese.getProperty(key))).as(key + ": the same arguments").isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MessagesTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
        return properties;
    }
}
