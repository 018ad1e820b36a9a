package org.jixing.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the layout's menu bar shows: a link, or a drop-down menu of the links of one
 * group; {@code active} when the current page is (one of) its link(s).
 */
public record NavEntry(String messageKey, String path, boolean active, List<NavEntry> children) {

    public boolean isGroup() {
        return !children.isEmpty();
    }

    /**
     * The entries for the visible items in their order, each group gathered where its
     * first item stands.
     */
    static List<NavEntry> of(List<NavItem> items, String requestPath) {
        Map<String, List<NavItem>> groups = new LinkedHashMap<>();
        for (NavItem i : items) {
            if (i.group() != null) {
                groups.computeIfAbsent(i.group(), g -> new ArrayList<>()).add(i);
            }
        }
        List<NavEntry> entries = new ArrayList<>();
        for (NavItem i : items) {
            if (i.group() == null) {
                entries.add(link(i, requestPath));
            }
            else if (groups.get(i.group()).get(0) == i) {
                List<NavItem> members = groups.get(i.group());
                if (members.size() == 1) {
                    entries.add(link(i, requestPath));
                }
                else {
                    List<NavEntry> children = members.stream().map(m -> link(m, requestPath)).toList();
                    entries.add(new NavEntry(i.group(), null, children.stream().anyMatch(NavEntry::active), children));
                }
            }
        }
        return entries;
    }

    private static NavEntry link(NavItem i, String requestPath) {
        return new NavEntry(i.messageKey(), i.path(), i.covers(requestPath), List.of());
    }

}
