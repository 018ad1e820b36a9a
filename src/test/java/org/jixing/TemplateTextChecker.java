package org.jixing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;

/**
 * Finds text a person would see in a template that does not come from the message files:
 * a text node with a letter in it whose element (or an ancestor) does not replace its
 * content with {@code th:text}, {@code th:utext}, {@code th:replace} or
 * {@code th:insert}, and user-visible attributes ({@code title}, {@code placeholder},
 * {@code alt}, {@code aria-label}) without their {@code th:} form.
 */
final class TemplateTextChecker {

    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove",
            "th:errors");

    private static final Set<String> VISIBLE_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label");

    private static final Set<String> NOT_TEXT = Set.of("script", "style");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private TemplateTextChecker() {
    }

    /** Each problem as "line: text". */
    static List<String> check(String template) throws ParseException {
        Handler handler = new Handler();
        new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(template, handler);
        return handler.problems;
    }

    private static final class Handler extends AbstractMarkupHandler {

        record Open(String name, boolean replaced) {
        }

        final List<String> problems = new ArrayList<>();

        final Deque<Open> stack = new ArrayDeque<>();

        String element;

        boolean replacing;

        final List<String[]> attributes = new ArrayList<>();

        int elementLine;

        @Override
        public void handleOpenElementStart(char[] buffer, int nameOffset, int nameLen, int line, int col) {
            start(new String(buffer, nameOffset, nameLen), line);
        }

        @Override
        public void handleStandaloneElementStart(char[] buffer, int nameOffset, int nameLen, boolean minimized,
                int line, int col) {
            start(new String(buffer, nameOffset, nameLen), line);
        }

        private void start(String name, int line) {
            element = name;
            elementLine = line;
            replacing = false;
            attributes.clear();
        }

        @Override
        public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol,
                int operatorOffset, int operatorLen, int operatorLine, int operatorCol, int valueContentOffset,
                int valueContentLen, int valueOuterOffset, int valueOuterLen, int valueLine, int valueCol) {
            String name = new String(buffer, nameOffset, nameLen);
            String value = new String(buffer, valueContentOffset, valueContentLen);
            if (REPLACING.contains(name)) {
                replacing = true;
            }
            attributes.add(new String[] { name, value });
        }

        private void checkAttributes() {
            for (String[] a : attributes) {
                if (VISIBLE_ATTRIBUTES.contains(a[0]) && LETTER.matcher(a[1]).find()
                        && attributes.stream().noneMatch(o -> o[0].equals("th:" + a[0]) || o[0].equals("th:attr"))) {
                    problems.add(elementLine + ": " + a[0] + "=\"" + a[1] + "\"");
                }
            }
        }

        @Override
        public void handleOpenElementEnd(char[] buffer, int nameOffset, int nameLen, int line, int col) {
            checkAttributes();
            boolean parentReplaced = !stack.isEmpty() && stack.peek().replaced();
            stack.push(new Open(element, parentReplaced || replacing || NOT_TEXT.contains(element)));
        }

        @Override
        public void handleStandaloneElementEnd(char[] buffer, int nameOffset, int nameLen, boolean minimized, int line,
                int col) {
            checkAttributes();
        }

        @Override
        public void handleCloseElementEnd(char[] buffer, int nameOffset, int nameLen, int line, int col) {
            String name = new String(buffer, nameOffset, nameLen);
            while (!stack.isEmpty()) {
                if (stack.pop().name().equals(name)) {
                    break;
                }
            }
        }

        @Override
        public void handleAutoCloseElementEnd(char[] buffer, int nameOffset, int nameLen, int line, int col) {
            handleCloseElementEnd(buffer, nameOffset, nameLen, line, col);
        }

        @Override
        public void handleText(char[] buffer, int offset, int len, int line, int col) {
            String text = new String(buffer, offset, len).strip();
            if (text.isEmpty() || !LETTER.matcher(text).find()) {
                return;
            }
            if (stack.isEmpty() || !stack.peek().replaced()) {
                problems.add(line + ": " + text);
            }
        }

    }

}
