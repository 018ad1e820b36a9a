package org.jixing.statistics.internal;

import java.util.List;

/** The dashboards' summaries of the rollup: by month, and by provider and year. */
public record Summaries(List<MonthSummary> months, List<ProviderYearSummary> providers) {
}
