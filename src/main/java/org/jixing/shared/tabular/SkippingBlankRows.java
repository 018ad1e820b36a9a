package org.jixing.shared.tabular;

import java.util.NoSuchElementException;

/** A reader over a format's rows that leaves out blank ones (spreadsheets keep many). */
abstract class SkippingBlankRows implements TableReader {

    private TableRow next;

    /** The next row as the file holds it, blank or not; null at the end. */
    protected abstract TableRow fetch();

    @Override
    public boolean hasNext() {
        while (this.next == null) {
            TableRow row = fetch();
            if (row == null) {
                return false;
            }
            if (!row.isBlank()) {
                this.next = row;
            }
        }
        return true;
    }

    @Override
    public TableRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TableRow row = this.next;
        this.next = null;
        return row;
    }

}
