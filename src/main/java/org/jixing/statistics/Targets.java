package org.jixing.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.reference.ActionLine;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.reference.SubTarget;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.tabular.TableFileException;
import org.jixing.shared.tabular.TableFiles;
import org.jixing.shared.tabular.TableLimits;
import org.jixing.statistics.internal.TargetStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The split of each sub-target's annual figure across the cities. The province
 * administrator sets it; the page shows what is left unassigned (negative when the
 * cities' shares exceed the province figure, which a floor allows). Departments read the
 * lines they lead; a city officer reads their city's shares.
 */
@Service
public class Targets {

    /** A sub-target's row of the split. */
    public record Row(ActionLine line, SubTarget subTarget, Map<String, Long> byCity, long assigned, Long unassigned) {
    }

    /** A year's split, in the caller's view. */
    public record Split(int year, List<Region> cities, List<Row> rows) {
    }

    private final TargetStore store;

    private final ReferenceCatalogue reference;

    private final AuditTrail audit;

    private final Clock clock;

    Targets(TargetStore store, ReferenceCatalogue reference, AuditTrail audit, Clock clock) {
        this.store = store;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The year's split of the sub-targets that carry a figure, as the caller may read it.
     */
    @Transactional(readOnly = true)
    public Split split(int year) {
        CurrentUser me = CurrentUser.require();
        if (!StatisticsPermission.TARGET_READ.allows(me)) {
            throw new AccessDeniedException("reading the target split");
        }
        Set<String> lines = me.scope().kind() == ScopeKind.DEPARTMENT ? me.scope().actionLines() : null;
        List<Region> cities = me.scope().kind() == ScopeKind.REGION
                ? reference.cities().stream().filter(c -> me.scope().coversRegion(c.code())).toList()
                : reference.cities();
        Map<String, Map<String, Long>> all = store.ofYear(year);
        List<Row> rows = new ArrayList<>();
        for (ActionLine line : reference.actionLines()) {
            if (lines != null && !lines.contains(line.code())) {
                continue;
            }
            for (SubTarget st : line.subTargets()) {
                if (st.annualTarget() == null) {
                    continue;
                }
                Map<String, Long> shares = all.getOrDefault(st.code(), Map.of());
                long assigned = shares.values().stream().mapToLong(Long::longValue).sum();
                Map<String, Long> visible = new LinkedHashMap<>();
                cities.forEach(c -> {
                    if (shares.containsKey(c.code())) {
                        visible.put(c.code(), shares.get(c.code()));
                    }
                });
                rows.add(new Row(line, st, visible, assigned, st.annualTarget() - assigned));
            }
        }
        return new Split(year, cities, rows);
    }

    /**
     * Sets the split as typed: sub-target → city → text (blank clears a share). Every
     * cell is checked first; one bad cell and nothing is saved. Audited with what
     * changed.
     */
    @Transactional
    public int assign(int year, Map<String, Map<String, String>> typed) {
        CurrentUser me = CurrentUser.require();
        if (!StatisticsPermission.TARGET_WRITE.allows(me)) {
            throw new AccessDeniedException("splitting targets");
        }
        if (year < reference.plan().startYear() || year > reference.plan().endYear()) {
            throw InvalidInputException.of("year", "statistics.target.error.year", reference.plan().startYear(),
                    reference.plan().endYear());
        }
        Set<String> cities = new HashSet<>(reference.cities().stream().map(Region::code).toList());
        Map<String, SubTarget> subTargets = new LinkedHashMap<>();
        reference.actionLines().forEach(l -> l.subTargets().forEach(s -> subTargets.put(s.code(), s)));
        List<Problem> problems = new ArrayList<>();
        Map<String, Map<String, Long>> parsed = new LinkedHashMap<>();
        typed.forEach((st, byCity) -> {
            if (!subTargets.containsKey(st) || subTargets.get(st).annualTarget() == null) {
                problems.add(new Problem("subTarget", "statistics.target.error.subTarget", st));
                return;
            }
            byCity.forEach((city, raw) -> {
                String field = "t[" + st + "][" + city + "]";
                if (!cities.contains(city)) {
                    problems.add(new Problem(field, "statistics.target.error.city", city));
                    return;
                }
                String v = raw == null ? "" : raw.strip().replace(",", "");
                if (v.isEmpty()) {
                    parsed.computeIfAbsent(st, k -> new LinkedHashMap<>()).put(city, null);
                }
                else if (!v.matches("\\d{1,9}")) {
                    problems.add(new Problem(field, "statistics.target.error.number", subTargets.get(st).nameZh(),
                            reference.region(city).map(Region::nameZh).orElse(city), raw));
                }
                else {
                    parsed.computeIfAbsent(st, k -> new LinkedHashMap<>()).put(city, Long.parseLong(v));
                }
            });
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Map<String, Long>> before = store.ofYear(year);
        Map<String, Object> changes = new LinkedHashMap<>();
        Instant now = clock.instant();
        parsed.forEach((st, byCity) -> byCity.forEach((city, target) -> {
            Long was = before.getOrDefault(st, Map.of()).get(city);
            if (!Objects.equals(was, target)) {
                store.put(year, st, city, target, me.username(), now);
                changes.put(st + "/" + city, (was == null ? "—" : was) + " → " + (target == null ? "—" : target));
            }
        }));
        if (!changes.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("year", year);
            after.put("changes", changes);
            audit.record(AuditEvent.of("target.split", "city_target", null, null, after));
        }
        return changes.size();
    }

    /**
     * The year's split as a table to download, edit in Excel and upload again: sub-target
     * code and name, the province figure, then a column per city.
     */
    @Transactional(readOnly = true)
    public List<List<Object>> table(int year, Locale locale) {
        Split split = split(year);
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(
                List.of(CODE_HEADER, "zh".equals(locale.getLanguage()) ? "子目标" : "Sub-target",
                        "zh".equals(locale.getLanguage()) ? "省级" : "Province"));
        split.cities().forEach(c -> header.add(c.name(locale)));
        rows.add(header);
        for (Row r : split.rows()) {
            List<Object> row = new ArrayList<>(
                    List.of(r.subTarget().code(), r.subTarget().name(locale), r.subTarget().annualTarget()));
            split.cities().forEach(c -> row.add(r.byCity().get(c.code())));
            rows.add(row);
        }
        return rows;
    }

    static final String CODE_HEADER = "code";

    /**
     * Sets the split from an uploaded table laid out as {@link #table}: rows by
     * sub-target code, columns by city (name in Chinese or English, or code); other
     * columns are ignored. Checked and saved as {@link #assign} does.
     */
    @Transactional
    public int importTable(int year, String fileName, InputStream content) {
        if (!StatisticsPermission.TARGET_WRITE.allows(CurrentUser.require())) {
            throw new AccessDeniedException("splitting targets");
        }
        TableLimits limits = new TableLimits(5L * 1024 * 1024, 1_000, 60, 200, 64L * 1024 * 1024, 100);
        Path file = null;
        try {
            file = Files.createTempFile("targets-", ".upload");
            try (InputStream in = content) {
                TableFiles.receive(in, file, limits);
            }
            var inspection = TableFiles.inspect(file, fileName, limits);
            Map<Integer, String> cityColumns = new LinkedHashMap<>();
            int codeColumn = -1;
            for (int c = 0; c < inspection.header().size(); c++) {
                String h = inspection.header().get(c).strip();
                if (h.equalsIgnoreCase(CODE_HEADER) || h.equals("子目标代码")) {
                    codeColumn = c;
                }
                for (Region city : reference.cities()) {
                    if (h.equals(city.code()) || h.equals(city.nameZh()) || h.equalsIgnoreCase(city.nameEn())) {
                        cityColumns.put(c, city.code());
                    }
                }
            }
            if (codeColumn < 0 || cityColumns.isEmpty()) {
                throw InvalidInputException.of("file", "statistics.target.error.layout");
            }
            Map<String, Map<String, String>> typed = new LinkedHashMap<>();
            try (var reader = TableFiles.open(file, inspection, limits)) {
                while (reader.hasNext()) {
                    var row = reader.next();
                    String code = row.cell(codeColumn);
                    if (code.isBlank()) {
                        continue;
                    }
                    Map<String, String> byCity = typed.computeIfAbsent(code, k -> new LinkedHashMap<>());
                    cityColumns.forEach((column, city) -> byCity.put(city,
                            row.isFormula(column) ? "=" : row.cell(column).replaceAll("\\.0+$", "")));
                }
            }
            return assign(year, typed);
        }
        catch (TableFileException ex) {
            throw new InvalidInputException(List.of(new Problem("file", ex.messageKey(), ex.args())));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                }
                catch (IOException ex) {
                    // A temporary file; the system cleans it.
                }
            }
        }
    }

}
