package org.jixing.shared.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jixing.shared.scope.CurrentUser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts what the shared layout needs into every page's model: the menu for the user, the
 * user, the asset paths and the language links. An interceptor rather than a controller
 * advice: an advice's model attributes would be computed for every REST call too, since
 * {@code @RestController} carries {@code @Controller}.
 */
@Component
@EnableConfigurationProperties(AssetVersions.class)
class PageLayout implements HandlerInterceptor {

    private final AssetVersions assets;

    private final List<NavItem> navItems;

    PageLayout(AssetVersions assets, List<NavItem> navItems) {
        this.assets = assets;
        this.navItems = navItems.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

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

    CurrentUser me() {
        return CurrentUser.current().orElse(null);
    }

    AssetVersions assets() {
        return assets;
    }

    /**
     * The language switch's links: the page as it is (a GET keeps its query, so a
     * filtered list or a chosen year stays) in the other language.
     */
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
     * A page about to be rendered gets the layout's attributes; a redirect, a forward and
     * an API response (no view) get none, so JSON answers pay nothing for the menu.
     */
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || !page.hasView()) {
            return;
        }
        String view = page.getViewName();
        if (view != null && (view.startsWith("redirect:") || view.startsWith("forward:"))) {
            return;
        }
        ModelMap model = page.getModelMap();
        model.putIfAbsent("nav", nav());
        model.putIfAbsent("me", me());
        model.putIfAbsent("assets", assets());
        model.putIfAbsent("langLinks", langLinks());
    }

    /**
     * Fills the model of a view rendered by an exception handler, where no handler ran.
     */
    void addTo(Model model) {
        model.addAttribute("nav", nav());
        model.addAttribute("me", me());
        model.addAttribute("assets", assets());
        model.addAttribute("langLinks", langLinks());
    }

}
