package org.jixing.shared.tabular;

import java.util.Iterator;

/**
 * The data rows of a table file, one at a time; blank rows are skipped. Throws
 * {@link TableFileException} if the file turns out to be broken further on.
 */
public interface TableReader extends Iterator<TableRow>, AutoCloseable {

    @Override
    void close();

}
