package org.jixing.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /error} is where the container forwards failures; asked for directly it has no
 * error to render and the framework answered {@code {"status":999}}. A direct request
 * gets a plain 404 problem instead. Forwards (the ERROR dispatch) pass untouched.
 */
@Component
class DirectErrorRequests extends OncePerRequestFilter {

    private final MessageSource messages;

    private final LocaleResolver locales;

    private final JsonMapper json;

    DirectErrorRequests(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/error") || path.startsWith("/error/") || path.startsWith("/error."));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var locale = locales.resolveLocale(request);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", messages.getMessage("error.notFound.title", null, locale));
        body.put("status", HttpStatus.NOT_FOUND.value());
        body.put("detail", messages.getMessage("error.notFound.detail", null, locale));
        body.put("instance", request.getRequestURI());
        response.getWriter().write(json.writeValueAsString(body));
    }

}
