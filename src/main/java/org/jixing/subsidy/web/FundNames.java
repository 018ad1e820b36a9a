package org.jixing.subsidy.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jixing.subsidy.FundSource;
import org.jixing.subsidy.SubsidyRules;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The names pages show for fund sources, in the page's language; templates call
 * {@code ${@funds.name(code)}}. The sources are read once per request, and only by a page
 * that shows one. An unknown code is shown as it is.
 */
@Component("funds")
public final class FundNames {

    private static final String KEY = FundNames.class.getName();

    private final SubsidyRules rules;

    FundNames(SubsidyRules rules) {
        this.rules = rules;
    }

    public String name(String code) {
        FundSource source = code == null ? null : byCode().get(code);
        return source == null ? code : source.name(LocaleContextHolder.getLocale());
    }

    @SuppressWarnings("unchecked")
    private Map<String, FundSource> byCode() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Map<String, FundSource> cached = request == null ? null
                : (Map<String, FundSource>) request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
        if (cached == null) {
            cached = rules.fundSources().stream().collect(Collectors.toMap(FundSource::code, Function.identity()));
            if (request != null) {
                request.setAttribute(KEY, cached, RequestAttributes.SCOPE_REQUEST);
            }
        }
        return cached;
    }

}
