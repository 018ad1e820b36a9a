package org.jixing.reference;

/** The kinds of reference record that have a Chinese and an English name to edit. */
public enum ReferenceKind {

    ACTION_LINE("action_line"), DEPARTMENT("department"), REGION("region"), SKILL_LEVEL("skill_level"),
    TRAINEE_GROUP("trainee_group"), OCCUPATION("occupation"), SUB_TARGET("sub_target"), PLAN("plan");

    private final String table;

    ReferenceKind(String table) {
        this.table = table;
    }

    /** The table; a constant, never input, so it may go into SQL text. */
    public String table() {
        return table;
    }

}
