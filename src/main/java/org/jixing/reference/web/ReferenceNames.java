package org.jixing.reference.web;

import java.util.Locale;
import java.util.Optional;

import org.jixing.reference.ActionLine;
import org.jixing.reference.Localized;
import org.jixing.reference.ReferenceCatalogue;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The names pages show for reference codes (a region, an occupation, a skill level, a
 * trainee group, an action line), in the page's language: Chinese, or English with
 * {@code ?lang=en}. Templates call it by name, e.g.
 * {@code ${@names.region(c.regionCode())}}, so a controller does not build code-to-name
 * maps and a page that shows no names pays nothing. An unknown code is shown as it is.
 */
@Component("names")
public final class ReferenceNames {

    private final ReferenceCatalogue reference;

    ReferenceNames(ReferenceCatalogue reference) {
        this.reference = reference;
    }

    public String region(String code) {
        return code == null ? null : named(reference.region(code), code);
    }

    public String occupation(String code) {
        return code == null ? null : named(reference.occupation(code), code);
    }

    public String level(String code) {
        return named(reference.skillLevels().stream().filter(l -> l.code().equals(code)).findFirst(), code);
    }

    public String group(String code) {
        return named(reference.traineeGroups().stream().filter(g -> g.code().equals(code)).findFirst(), code);
    }

    public String line(String code) {
        return code == null ? null : named(reference.actionLine(code), code);
    }

    /** The action line's number (as the plan counts them), or the code when unknown. */
    public String lineNumber(String code) {
        return code == null ? null : reference.actionLine(code).map(l -> String.valueOf(l.number())).orElse(code);
    }

    /** The action line as the plan writes it: "3. name", or the code when unknown. */
    public String numberedLine(String code) {
        return code == null ? null : reference.actionLine(code).map(this::numbered).orElse(code);
    }

    private String numbered(ActionLine line) {
        return line.number() + ". " + line.name(locale());
    }

    private static String named(Optional<? extends Localized> item, String code) {
        return item.map(i -> i.name(locale())).orElse(code);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

}
