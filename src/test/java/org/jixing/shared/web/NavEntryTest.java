package org.jixing.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NavEntryTest {

    static NavItem item(String key, String path, int order) {
        return new NavItem(key, path, order, Set.of());
    }

    @Test
    void aGroupShowsAsOneMenuWhereItsFirstItemStandsAndIsActiveWhenOneOfItsPagesIs() {
        List<NavItem> items = List.of(item("nav.home", "/", 0), item("nav.rules", "/subsidies/rules", 400).inGroup("g"),
                item("nav.classes", "/classes", 401), item("nav.claims", "/subsidies/claims", 405).inGroup("g"));

        List<NavEntry> entries = NavEntry.of(items, "/subsidies/claims/12");

        assertThat(entries).extracting(NavEntry::messageKey).containsExactly("nav.home", "g", "nav.classes");
        NavEntry group = entries.get(1);
        assertThat(group.isGroup()).isTrue();
        assertThat(group.active()).isTrue();
        assertThat(group.children()).extracting(NavEntry::messageKey).containsExactly("nav.rules", "nav.claims");
        assertThat(group.children()).extracting(NavEntry::active).containsExactly(false, true);
        assertThat(entries.get(0).active()).as("home is never active by prefix").isFalse();
    }

    @Test
    void aGroupOfOneVisibleItemIsAPlainLink() {
        List<NavEntry> entries = NavEntry.of(List.of(item("nav.claims", "/subsidies/claims", 405).inGroup("g")),
                "/classes");

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.isGroup()).isFalse();
            assertThat(e.path()).isEqualTo("/subsidies/claims");
            assertThat(e.active()).isFalse();
        });
    }

}
