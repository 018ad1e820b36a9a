package org.jixing.training;

/**
 * What an import does with a file that has invalid rows: enrol the valid rows, or nothing
 * at all.
 */
public enum ImportMode {

    VALID_ROWS, ALL_OR_NOTHING

}
