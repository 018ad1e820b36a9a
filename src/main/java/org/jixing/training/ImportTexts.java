package org.jixing.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jixing.shared.InvalidInputException.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts of an import: the problems of a row as stored (field, key and arguments) and
 * as a reader reads them, and the evidence a membership declared by a file cites.
 */
@Component
class ImportTexts {

    private final MessageSource messages;

    private final JsonMapper json;

    ImportTexts(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Problems as stored: field, key and arguments; a message argument keeps its key. */
    String encode(List<Problem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("f", p.field());
            m.put("k", p.messageKey());
            List<Object> args = new ArrayList<>();
            for (Object a : p.args() == null ? new Object[0] : p.args()) {
                if (a instanceof MessageSourceResolvable r && r.getCodes() != null && r.getCodes().length > 0) {
                    args.add(Map.of("m", r.getCodes()[0]));
                }
                else {
                    args.add(a == null ? null : a.toString());
                }
            }
            m.put("a", args);
            list.add(m);
        }
        String text = json.writeValueAsString(list);
        return text.length() > 4000 ? json.writeValueAsString(list.subList(0, 1)) : text;
    }

    List<Problem> decode(String text) {
        List<Map<String, Object>> list = json.readValue(text, new TypeReference<List<Map<String, Object>>>() {
        });
        List<Problem> problems = new ArrayList<>();
        for (Map<String, Object> m : list) {
            List<?> raw = (List<?>) m.getOrDefault("a", List.of());
            Object[] args = raw.stream()
                .map(a -> a instanceof Map<?, ?> r ? new DefaultMessageSourceResolvable((String) r.get("m")) : a)
                .toArray();
            problems.add(new Problem((String) m.get("f"), (String) m.get("k"), args));
        }
        return problems;
    }

    /** The problems of a row as one line of text in a language. */
    String describe(List<Problem> problems, Locale locale) {
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            if (p.field() != null) {
                b.append(messages.getMessage("training.import.field." + p.field(), null, p.field(), locale))
                    .append(": ");
            }
            b.append(messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
        }
        return b.toString();
    }

    /** A message of the import's own texts in a language. */
    String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** The evidence a group membership declared by a row of an import cites. */
    String evidence(RosterImport job, int row) {
        return messages.getMessage("training.import.evidence", new Object[] { job.id(), job.fileName(), row },
                Locale.SIMPLIFIED_CHINESE);
    }

}
