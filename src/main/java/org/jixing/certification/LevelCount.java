package org.jixing.certification;

import org.jixing.reference.SkillLevel;

/** Certificates of a level issued in a year, and how many of them are revoked since. */
public record LevelCount(SkillLevel level, long issued, long revoked) {
}
