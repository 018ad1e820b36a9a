package org.jixing.shared.web;

import java.util.Comparator;
import java.util.List;

import org.jixing.shared.scope.CurrentUser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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
    List<NavItem> nav() {
        return CurrentUser.current()
            .map(u -> navItems.stream().filter(i -> i.visibleTo(u.role())).toList())
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
     * Fills a model the way the {@code @ModelAttribute} methods do, for views rendered
     * where those methods do not run (exception handlers).
     */
    void addTo(org.springframework.ui.Model model) {
        model.addAttribute("nav", nav());
        model.addAttribute("me", me());
        model.addAttribute("assets", assets());
    }

}
