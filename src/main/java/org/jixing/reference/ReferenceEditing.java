package org.jixing.reference;

import java.io.InputStream;

/**
 * Changes to the reference data, by the province administrator only. Each change is one
 * transaction with an audit entry holding the values before and after; a change made on a
 * stale version is refused; bad input is refused with the field and the rule and changes
 * nothing.
 */
public interface ReferenceEditing {

    /** The current version of a record, for edit forms. */
    int version(ReferenceKind kind, String code);

    void rename(ReferenceKind kind, String code, String nameZh, String nameEn, int version);

    void updateSubTarget(String code, Long annualTarget, boolean atLeast, int version);

    void updatePlanTarget(long overallTarget, int version);

    void updateLineSummary(String code, String summaryZh, String summaryEn, int version);

    /** Adds a county (or district) under a city. */
    void addCounty(String code, String nameZh, String nameEn, String cityCode);

    /** Adds an occupation ({@code version} null) or changes one. */
    void saveOccupation(Occupation occupation, Integer version);

    /**
     * Loads occupations from a CSV file in the documented format
     * (docs/reference-data.md): all rows, or none when any row is wrong.
     */
    OccupationImportReport importOccupations(InputStream csv);

}
