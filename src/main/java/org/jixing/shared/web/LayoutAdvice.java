package org.jixing.shared.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jixing.shared.scope.CurrentUser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts what the shared layout needs into every page's model: the user and the asset
 * paths.
 */
@ControllerAdvice(annotations = Controller.class)
@EnableConfigurationProperties(AssetVersions.class)
class LayoutAdvice {

    private final AssetVersions assets;

    private final List<NavItem> navItems;

    LayoutAdvice(AssetVersions assets, List<NavItem> navItems) {
        this.assets = assets;
        this.navItems = navItems.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @ModelAttribute("nav")
    List<NavEntry> nav() {
        String path = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            path = servlet.getRequest().getRequestURI();
        }
        String requestPath = path;
        return CurrentUser.current()
            .map(u -> NavEntry.of(navItems.stream().filter(i -> i.visibleTo(u.role())).toList(), requestPath))
            .orElse(List.of());
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return CurrentUser.current().orElse(null);
    }

    @ModelAttribute("assets")
    AssetVersions assets() {
        return assets;
    }

    /**
     * The language switch's links: the page as it is (a GET keeps its query, so a
     * filtered list or a chosen year stays) in the other language.
     */
    @ModelAttribute("langLinks")
    Map<String, String> langLinks() {
        String query = null;
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet && "GET".equals(servlet.getRequest().getMethod())) {
            query = servlet.getRequest().getQueryString();
        }
        String kept = query == null ? ""
                : Arrays.stream(query.split("&"))
                    .filter(p -> !p.isEmpty() && !p.startsWith("lang="))
                    .map(p -> p + "&")
                    .collect(Collectors.joining());
        return Map.of("zh", "?" + kept + "lang=zh-CN", "en", "?" + kept + "lang=en");
    }

    /**
     * Fills a model the way the {@code @ModelAttribute} methods do, for views rendered
     * where those methods do not run (exception handlers).
     */
    void addTo(Model model) {
        model.addAttribute("nav", nav());
        model.addAttribute("me", me());
        model.addAttribute("assets", assets());
        model.addAttribute("langLinks", langLinks());
    }

}
