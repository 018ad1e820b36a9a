package org.jixing.shared.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jixing.shared.access.PermissionInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese by default; {@code ?lang=en} or {@code ?lang=zh-CN} switches and a cookie
 * remembers it. API clients may also send Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final PageLayout layout;

    WebConfig(PageLayout layout) {
        this.layout = layout;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("jixing-lang");
        resolver.setDefaultLocaleFunction(WebConfig::defaultLocale);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Pages are Chinese until the user switches: a browser's Accept-Language says little
     * about what an officer of a Chinese province wants to read. Other systems calling
     * the API say which language they want with Accept-Language.
     */
    static Locale defaultLocale(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/") && request.getHeader("Accept-Language") != null
                && "en".equals(request.getLocale().getLanguage())) {
            return Locale.ENGLISH;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new PermissionInterceptor());
        registry.addInterceptor(new UploadNames());
        registry.addInterceptor(layout);
    }

}
