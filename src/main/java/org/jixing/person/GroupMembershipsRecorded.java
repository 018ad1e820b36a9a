package org.jixing.person;

import java.util.Set;

/**
 * Group memberships were recorded for these people (any validity, possibly starting
 * before today): whoever counts by the groups people held on a day recounts theirs.
 */
public record GroupMembershipsRecorded(Set<Long> personIds) {
}
