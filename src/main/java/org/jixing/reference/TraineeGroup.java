package org.jixing.reference;

/** A group of trainees the plan names (registered unemployed, veterans, students ...). */
public record TraineeGroup(String code, String nameZh, String nameEn, int sortOrder) implements Localized {
}
