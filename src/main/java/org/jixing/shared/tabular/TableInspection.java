package org.jixing.shared.tabular;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What a first pass over a table file found: its format, the text encoding of a CSV file
 * (detected, not asked), the header row and how many data rows follow.
 */
public record TableInspection(TableFormat format, Charset charset, List<String> header, int rows) {
}
