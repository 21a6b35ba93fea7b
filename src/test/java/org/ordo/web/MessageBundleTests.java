package org.ordo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the pages exists in English and Simplified Chinese, and every text a template names exists. */
class MessageBundleTests {

    static final Path RESOURCES = Path.of("src", "main", "resources");
    static final Path TEMPLATES = RESOURCES.resolve("templates");
    /** A literal message key in a template: #{order.total} or #{order.heading(${…})}, not #{|…${…}|} or #{${…}}. */
    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");

    @Test
    void everyEnglishTextHasAChineseOneAndNoChineseTextIsLeftOver() throws IOException {
        Set<Path> english = englishBundles();
        assertThat(english).isNotEmpty();
        for (Path bundle : english) {
            Path chinese =
                    bundle.resolveSibling(bundle.getFileName().toString().replace(".properties", "_zh_CN.properties"));
            assertThat(chinese).as("Chinese bundle of %s", bundle).exists();
            Properties en = load(bundle);
            Properties zh = load(chinese);
            assertThat(new TreeSet<>(zh.stringPropertyNames()))
                    .as("keys of %s", chinese)
                    .containsExactlyElementsOf(new TreeSet<>(en.stringPropertyNames()));
            for (String key : en.stringPropertyNames()) {
                assertThat(en.getProperty(key)).as("%s in %s", key, bundle).isNotBlank();
                assertThat(zh.getProperty(key)).as("%s in %s", key, chinese).isNotBlank();
            }
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (Path bundle : englishBundles()) {
            for (String key : load(bundle).stringPropertyNames()) {
                assertThat(seen.add(key))
                        .as("%s defined again in %s", key, bundle)
                        .isTrue();
            }
        }
    }

    @Test
    void everyTextATemplateNamesExists() throws IOException {
        Properties all = new Properties();
        for (Path bundle : englishBundles()) {
            all.putAll(load(bundle));
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template :
                    files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    if (!all.containsKey(m.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Set<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES)) {
            return files.filter(f -> f.getFileName().toString().matches("messages(-[a-z]+)?\\.properties"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static Properties load(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
