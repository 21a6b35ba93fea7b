package org.ordo.forecasting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ordo.shared.FieldRule;

/** The pages translate every rule of a stock policy's request: each has a text in English and Chinese. */
class ForecastRuleTextsTests {

    @Test
    void everyForecastRuleHasATextInEnglishAndChinese() throws IOException {
        List<String> keys = Stream.of(ForecastRule.values())
                .map(FieldRule::code)
                .map(code -> "violation." + code)
                .toList();
        for (String bundle : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties texts = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(keys.stream().filter(k -> !texts.containsKey(k)).toList())
                    .as("rule texts missing in %s", bundle)
                    .isEmpty();
        }
    }
}
