package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.ordo.orders.OrderRule;

/** Every rule of the order rule book has its text in both languages, so a page never falls back to the API's English. */
class OrderRuleTranslationTests {

    @Test
    void everyOrderRuleHasATextInEnglishAndChinese() throws IOException {
        Properties en = load("messages-entry.properties");
        Properties zh = load("messages-entry_zh_CN.properties");
        for (OrderRule rule : OrderRule.values()) {
            assertThat(en.getProperty("violation." + rule.code()))
                    .as("English text of %s", rule)
                    .isNotBlank();
            assertThat(zh.getProperty("violation." + rule.code()))
                    .as("Chinese text of %s", rule)
                    .isNotBlank();
            assertThat(zh.getProperty("violation." + rule.code())
                            .chars()
                            .filter(c -> c == '{')
                            .count())
                    .as("the Chinese text of %s shows what the English one shows", rule)
                    .isEqualTo(en.getProperty("violation." + rule.code())
                            .chars()
                            .filter(c -> c == '{')
                            .count());
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader =
                Files.newBufferedReader(MessageBundleTests.RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
