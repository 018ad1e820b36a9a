package org.jixing.shared.tabular;

import java.util.Arrays;

/**
 * A file that cannot be read as a table, with a message key (and arguments) that says why
 * in the user's language: not the type it claims, an encoding not recognised, too many
 * rows or columns, a compressed file that inflates beyond reason.
 */
public class TableFileException extends RuntimeException {

    private final String messageKey;

    private final transient Object[] args;

    public TableFileException(String messageKey, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return this.messageKey;
    }

    public Object[] args() {
        return this.args.clone();
    }

}
