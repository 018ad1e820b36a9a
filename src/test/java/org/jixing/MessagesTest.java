package org.jixing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text a person reads comes from the message files, in Chinese and in English: a
 * template with literal text, a key missing in one language, or a message file the
 * application does not load fails the build.
 */
class MessagesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    static final Path I18N = Path.of("src/main/resources/i18n");

    static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            return files.map(f -> f.getFileName().toString())
                .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                .map(n -> n.substring(0, n.length() - ".properties".length()))
                .sorted()
                .toList();
        }
    }

    Set<String> keys(String language) throws IOException {
        Set<String> keys = new HashSet<>();
        for (String bundle : bundles()) {
            Path file = I18N.resolve(bundle + (language.isEmpty() ? "" : "_" + language) + ".properties");
            load(file).stringPropertyNames().forEach(keys::add);
        }
        return keys;
    }

    @Test
    void templatesHoldNoTextOutsideTheMessageFiles() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            for (String p : TemplateTextChecker.check(Files.readString(template))) {
                problems.add(TEMPLATES.relativize(template) + ":" + p);
            }
        }
        assertThat(problems).as("literal text in templates").isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExistsInChineseAndEnglish() throws Exception {
        Set<String> zh = keys("");
        Set<String> en = keys("en");
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            // Parser-level comments (<!--/* ... */-->) hold usage examples, not page
            // text.
            String text = Files.readString(template).replaceAll("(?s)<!--/\\*.*?\\*/-->", "");
            Matcher m = STATIC_KEY.matcher(text);
            while (m.find()) {
                if (!zh.contains(m.group(1)) || !en.contains(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void eachMessageFileHasTheSameKeysInBothLanguages() throws Exception {
        for (String bundle : bundles()) {
            Set<String> zh = load(I18N.resolve(bundle + ".properties")).stringPropertyNames();
            Set<String> en = load(I18N.resolve(bundle + "_en.properties")).stringPropertyNames();
            assertThat(new TreeSet<>(en)).as(bundle + " keys in English and Chinese").isEqualTo(new TreeSet<>(zh));
        }
    }

    @Test
    void theApplicationLoadsEveryMessageFile() throws Exception {
        String yml = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher m = Pattern.compile("basename:\\s*(\\S+)").matcher(yml);
        assertThat(m.find()).isTrue();
        Set<String> listed = new HashSet<>(Arrays.asList(m.group(1).split(",")));
        for (String bundle : bundles()) {
            assertThat(listed).as("spring.messages.basename").contains("i18n/" + bundle);
        }
    }

    @Test
    void theCheckerFindsLiteralText() throws Exception {
        assertThat(TemplateTextChecker.check("<p>Hello</p><p th:text=\"#{a}\">placeholder</p>"))
            .containsExactly("1: Hello");
        assertThat(TemplateTextChecker.check("<input placeholder=\"Name\"><img th:alt=\"#{x}\" alt=\"x\">"))
            .containsExactly("1: placeholder=\"Name\"");
        assertThat(TemplateTextChecker.check("<div th:replace=\"~{a}\"><span>inner</span></div><p>: 1</p>")).isEmpty();
    }

}
