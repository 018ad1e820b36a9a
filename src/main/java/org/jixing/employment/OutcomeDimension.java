package org.jixing.employment;

/** What outcome indicators are grouped by, and the column of each. */
public enum OutcomeDimension {

    CLASS("class_id"), PROVIDER("provider_id"), PROGRAMME("programme_id"), OCCUPATION("occupation_code"),
    LINE("line_code"), CITY("city_code"), YEAR("end_year");

    private final String column;

    OutcomeDimension(String column) {
        this.column = column;
    }

    /** The column (of follow_up and follow_up_class alike). */
    public String column() {
        return column;
    }

}
