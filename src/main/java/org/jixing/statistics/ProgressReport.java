package org.jixing.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jixing.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The periodic progress report (调度表): for a chosen day, the figures of its year up to
 * that day by line and sub-target, by city and by lead department, each against its
 * target with the share due, the pace and the year-end projection. The same rows make the
 * XLSX (a sheet per view), the CSV and the JSON.
 */
@Service
public class ProgressReport {

    /** The views of the report. */
    public enum View {

        LINES, CITIES, DEPARTMENTS;

        public static View parse(String text) {
            for (View v : values()) {
                if (v.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return v;
                }
            }
            throw InvalidInputException.of("view", "progress.error.view", text);
        }

    }

    /**
     * One row: a line or sub-target (LINES), a city, a department. {@code level} is 0 for
     * a line, city or department and 1 for a sub-target under its line.
     */
    public record Row(View view, int level, String code, String name, Long target, long done, long notSubsidised,
            Long persons, Double share, double due, Pace.Status status, long projected, Boolean willMiss) {
    }

    /** The report: its day, when it was made, and its rows by view. */
    public record Report(LocalDate asOf, Instant generatedAt, List<Row> lines, List<Row> cities,
            List<Row> departments) {

        public List<Row> rows(View view) {
            return switch (view) {
                case LINES -> lines;
                case CITIES -> cities;
                case DEPARTMENTS -> departments;
            };
        }

    }

    private final ProgressViews views;

    private final MessageSource messages;

    private final Clock clock;

    ProgressReport(ProgressViews views, MessageSource messages, Clock clock) {
        this.views = views;
        this.messages = messages;
        this.clock = clock;
    }

    /** Parses the day a report is asked for; blank means today. */
    public LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return views.today();
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException ex) {
            throw InvalidInputException.of("date", "progress.error.date", text);
        }
    }

    /** The report for a day, in the caller's scope, names in the reader's language. */
    public Report of(LocalDate day, Locale locale) {
        ProgressViews.Dashboard d = views.asOf(day);
        List<Row> lines = new ArrayList<>();
        for (ProgressViews.LineRow l : d.lines()) {
            lines
                .add(row(View.LINES, 0, l.line().code(), l.line().number() + ". " + l.line().name(locale), l.figure()));
            for (ProgressViews.SubTargetRow st : l.subTargets()) {
                lines.add(row(View.LINES, 1, st.subTarget().code(), st.subTarget().name(locale), st.figure()));
            }
        }
        List<Row> cities = d.cities()
            .stream()
            .map(c -> row(View.CITIES, 0, c.city().code(), c.city().name(locale), c.figure()))
            .toList();
        List<Row> departments = d.departments()
            .stream()
            .map(r -> row(View.DEPARTMENTS, 0, r.department().code(), r.department().name(locale), r.figure()))
            .toList();
        return new Report(d.asOf(), clock.instant(), lines, cities, departments);
    }

    private static Row row(View view, int level, String code, String name, ProgressViews.Figure f) {
        Pace p = f.pace();
        return new Row(view, level, code, name, p.target(), f.done(), f.notSubsidised(), f.persons(), p.share(),
                p.due(), p.status(), p.projected(), p.willMiss());
    }

    /** The column headings of a view's table, in the reader's language. */
    public List<String> headings(Locale locale) {
        return List
            .of("progress.report.col.code", "progress.report.col.name", "progress.col.target", "progress.col.done",
                    "progress.col.notSubsidised", "progress.col.persons", "progress.col.share",
                    "progress.report.col.dueShare", "progress.col.status", "progress.col.forecast",
                    "progress.report.col.willMiss")
            .stream()
            .map(k -> messages.getMessage(k, null, locale))
            .toList();
    }

    /** A row as table cells under {@link #headings}: shares as fractions. */
    public List<Object> cells(Row r, Locale locale) {
        List<Object> cells = new ArrayList<>();
        cells.add(r.code());
        cells.add(r.level() == 1 ? "  " + r.name() : r.name());
        cells.add(r.target());
        cells.add(r.done());
        cells.add(r.notSubsidised());
        cells.add(r.persons());
        cells.add(r.share() == null ? null : round(r.share()));
        cells.add(round(r.due()));
        cells.add(messages.getMessage("progress.status." + r.status().name(), null, locale));
        cells.add(r.projected());
        cells.add(r.willMiss() == null ? null
                : messages.getMessage(r.willMiss() ? "progress.report.yes" : "progress.report.no", null, locale));
        return cells;
    }

    private static double round(double share) {
        return Math.round(share * 10000) / 10000.0;
    }

}
