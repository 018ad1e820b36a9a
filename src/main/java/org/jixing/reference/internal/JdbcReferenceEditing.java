package org.jixing.reference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.reference.Occupation;
import org.jixing.reference.OccupationImportReport;
import org.jixing.reference.OccupationImportReport.RowError;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.ReferenceEditing;
import org.jixing.reference.ReferenceKind;
import org.jixing.reference.Region;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcReferenceEditing implements ReferenceEditing {

    /**
     * Codes of the national occupational classification: 4-10-01-05, sometimes with a
     * fifth part.
     */
    static final Pattern NATIONAL_CODE = Pattern.compile("\\d-\\d{2}-\\d{2}-\\d{2}(-\\d{2})?");

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    /**
     * A generous ceiling that catches a typo of extra zeros in a yearly person-time
     * figure.
     */
    static final long MAX_TARGET = 100_000_000L;

    private final ReferenceStore store;

    private final JdbcReferenceCatalogue catalogue;

    private final AuditTrail audit;

    JdbcReferenceEditing(ReferenceStore store, JdbcReferenceCatalogue catalogue, AuditTrail audit) {
        this.store = store;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    private static void requireAdmin() {
        if (!CurrentUser.require().hasRole(Role.PROVINCE_ADMIN)) {
            throw new AccessDeniedException("reference data is edited by the province administrator");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public int version(ReferenceKind kind, String code) {
        return store.version(kind, code).orElseThrow(() -> new RecordNotFoundException(kind.name(), code));
    }

    private Map<String, Object> before(ReferenceKind kind, String code) {
        return store.row(kind, code).orElseThrow(() -> new RecordNotFoundException(kind.name(), code));
    }

    private void changed(boolean updated, ReferenceKind kind, String code, Map<String, Object> before) {
        if (!updated) {
            throw new OptimisticLockingFailureException(kind + " " + code + " changed since it was read");
        }
        audit.record(AuditEvent.of("reference." + kind.name().toLowerCase(Locale.ROOT) + ".update", kind.name(), code,
                before, store.row(kind, code).orElseThrow()));
        catalogue.invalidate();
    }

    private static void names(String nameZh, String nameEn, List<Problem> problems) {
        if (nameZh == null || nameZh.isBlank() || nameZh.strip().length() > 100) {
            problems.add(new Problem("nameZh", "reference.error.name"));
        }
        if (nameEn == null || nameEn.isBlank() || nameEn.strip().length() > 200) {
            problems.add(new Problem("nameEn", "reference.error.name"));
        }
    }

    private static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    @Override
    @Transactional
    public void rename(ReferenceKind kind, String code, String nameZh, String nameEn, int version) {
        requireAdmin();
        Map<String, Object> before = before(kind, code);
        List<Problem> problems = new ArrayList<>();
        names(nameZh, nameEn, problems);
        throwIfAny(problems);
        changed(store.rename(kind, code, nameZh.strip(), nameEn.strip(), version), kind, code, before);
    }

    @Override
    @Transactional
    public void updateSubTarget(String code, Long annualTarget, boolean atLeast, int version) {
        requireAdmin();
        Map<String, Object> before = before(ReferenceKind.SUB_TARGET, code);
        if (annualTarget != null && (annualTarget < 0 || annualTarget > MAX_TARGET)) {
            throw InvalidInputException.of("annualTarget", "reference.error.target", MAX_TARGET);
        }
        changed(store.updateSubTarget(code, annualTarget, atLeast, version), ReferenceKind.SUB_TARGET, code, before);
    }

    @Override
    @Transactional
    public void updatePlanTarget(long overallTarget, int version) {
        requireAdmin();
        String code = catalogue.plan().code();
        Map<String, Object> before = before(ReferenceKind.PLAN, code);
        if (overallTarget < 0 || overallTarget > MAX_TARGET) {
            throw InvalidInputException.of("overallTarget", "reference.error.target", MAX_TARGET);
        }
        changed(store.updatePlanTarget(code, overallTarget, version), ReferenceKind.PLAN, code, before);
    }

    @Override
    @Transactional
    public void updateLineSummary(String code, String summaryZh, String summaryEn, int version) {
        requireAdmin();
        Map<String, Object> before = before(ReferenceKind.ACTION_LINE, code);
        if ((summaryZh != null && summaryZh.length() > 2000) || (summaryEn != null && summaryEn.length() > 2000)) {
            throw InvalidInputException.of("summaryZh", "reference.error.tooLong", 2000);
        }
        changed(store.updateLineSummary(code, blankToNull(summaryZh), blankToNull(summaryEn), version),
                ReferenceKind.ACTION_LINE, code, before);
    }

    @Override
    @Transactional
    public void addCounty(String code, String nameZh, String nameEn, String cityCode) {
        requireAdmin();
        List<Problem> problems = new ArrayList<>();
        Region city = cityCode == null ? null : catalogue.region(cityCode).orElse(null);
        if (city == null || city.level() != RegionCode.Level.CITY) {
            problems.add(new Problem("parentCode", "reference.error.region.parent"));
        }
        if (code == null || !code.matches("\\d{6}") || code.endsWith("00")) {
            problems.add(new Problem("code", "reference.error.region.code"));
        }
        else if (city != null && !code.startsWith(city.code().substring(0, 4))) {
            problems.add(new Problem("code", "reference.error.region.prefix", city.code().substring(0, 4)));
        }
        else if (catalogue.region(code).isPresent()) {
            problems.add(new Problem("code", "reference.error.duplicate"));
        }
        names(nameZh, nameEn, problems);
        throwIfAny(problems);
        int sort = (int) catalogue.regions().stream().filter(r -> cityCode.equals(r.parentCode())).count() + 1;
        try {
            store.insertRegion(code, nameZh.strip(), nameEn.strip(), RegionCode.Level.COUNTY.name(), cityCode, sort);
        }
        catch (DuplicateKeyException ex) {
            throw InvalidInputException.of("code", "reference.error.duplicate");
        }
        audit.record(AuditEvent.of("reference.region.create", ReferenceKind.REGION.name(), code, null,
                store.row(ReferenceKind.REGION, code).orElseThrow()));
        catalogue.invalidate();
    }

    /** The problems of one occupation, with field names as the CSV columns name them. */
    List<Problem> check(Occupation o, Set<String> lineCodes) {
        List<Problem> problems = new ArrayList<>();
        if (o.code() == null || !CODE.matcher(o.code()).matches()) {
            problems.add(new Problem("code", "reference.error.occupation.code"));
        }
        if (o.nationalCode() != null && !NATIONAL_CODE.matcher(o.nationalCode()).matches()) {
            problems.add(new Problem("nationalCode", "reference.error.occupation.nationalCode"));
        }
        names(o.nameZh(), o.nameEn(), problems);
        if (o.lineCode() != null && !lineCodes.contains(o.lineCode())) {
            problems.add(new Problem("lineCode", "reference.error.line.unknown", o.lineCode()));
        }
        return problems;
    }

    private Set<String> lineCodes() {
        Set<String> codes = new HashSet<>();
        catalogue.actionLines().forEach(l -> codes.add(l.code()));
        return codes;
    }

    @Override
    @Transactional
    public void saveOccupation(Occupation o, Integer version) {
        requireAdmin();
        Occupation clean = clean(o);
        List<Problem> problems = check(clean, lineCodes());
        if (problems.isEmpty() && clean.nationalCode() != null
                && store.nationalCodeTaken(clean.nationalCode(), clean.code())) {
            problems.add(new Problem("nationalCode", "reference.error.duplicate"));
        }
        boolean exists = store.version(ReferenceKind.OCCUPATION, clean.code()).isPresent();
        if (problems.isEmpty() && version == null && exists) {
            problems.add(new Problem("code", "reference.error.duplicate"));
        }
        throwIfAny(problems);
        if (version == null) {
            store.insertOccupation(clean.code(), clean.nationalCode(), clean.nameZh(), clean.nameEn(), clean.lineCode(),
                    clean.active());
            audit.record(AuditEvent.of("reference.occupation.create", ReferenceKind.OCCUPATION.name(), clean.code(),
                    null, store.row(ReferenceKind.OCCUPATION, clean.code()).orElseThrow()));
            catalogue.invalidate();
            return;
        }
        Map<String, Object> before = before(ReferenceKind.OCCUPATION, clean.code());
        changed(store.updateOccupation(clean.code(), clean.nationalCode(), clean.nameZh(), clean.nameEn(),
                clean.lineCode(), clean.active(), version) == 1, ReferenceKind.OCCUPATION, clean.code(), before);
    }

    static Occupation clean(Occupation o) {
        return new Occupation(o.code() == null ? null : o.code().strip().toUpperCase(Locale.ROOT),
                blankToNull(o.nationalCode()), o.nameZh() == null ? null : o.nameZh().strip(),
                o.nameEn() == null ? null : o.nameEn().strip(), blankToNull(o.lineCode()), o.active());
    }

    static final List<String> COLUMNS = List.of("code", "national_code", "name_zh", "name_en", "line_code", "active");

    @Override
    @Transactional
    public OccupationImportReport importOccupations(InputStream csv) {
        requireAdmin();
        List<RowError> errors = new ArrayList<>();
        List<Occupation> rows = new ArrayList<>();
        Set<String> lines = lineCodes();
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(csv).get(),
                StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .get()
                    .parse(reader)) {
            List<String> header = parser.getHeaderNames();
            for (String column : COLUMNS.subList(0, 5)) {
                if (!header.contains(column)) {
                    errors.add(new RowError(1, column, "reference.import.missingColumn", column));
                }
            }
            if (!errors.isEmpty()) {
                return new OccupationImportReport(0, 0, errors);
            }
            Set<String> codes = new HashSet<>();
            Set<String> nationalCodes = new HashSet<>();
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                String active = r.isMapped("active") && r.isSet("active") ? r.get("active") : "true";
                if (!active.isBlank() && !active.equalsIgnoreCase("true") && !active.equalsIgnoreCase("false")) {
                    errors.add(new RowError(line, "active", "reference.import.active"));
                }
                Occupation o = clean(new Occupation(r.get("code"), r.get("national_code"), r.get("name_zh"),
                        r.get("name_en"), r.get("line_code"), !active.equalsIgnoreCase("false")));
                for (Problem p : check(o, lines)) {
                    errors.add(new RowError(line, column(p.field()), p.messageKey(), p.args()));
                }
                if (o.code() != null && !codes.add(o.code())) {
                    errors.add(new RowError(line, "code", "reference.import.duplicateInFile"));
                }
                if (o.nationalCode() != null && !nationalCodes.add(o.nationalCode())) {
                    errors.add(new RowError(line, "national_code", "reference.import.duplicateInFile"));
                }
                else if (o.nationalCode() != null && o.code() != null
                        && store.nationalCodeTaken(o.nationalCode(), o.code())) {
                    errors.add(new RowError(line, "national_code", "reference.error.duplicate"));
                }
                rows.add(o);
            }
        }
        catch (IOException | IllegalStateException | IllegalArgumentException ex) {
            errors.add(new RowError(0, "", "reference.import.unreadable"));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(0, "", "reference.import.empty"));
        }
        if (!errors.isEmpty()) {
            return new OccupationImportReport(0, 0, errors);
        }
        int added = 0;
        int changed = 0;
        for (Occupation o : rows) {
            if (store.updateOccupation(o.code(), o.nationalCode(), o.nameZh(), o.nameEn(), o.lineCode(), o.active(),
                    null) == 1) {
                changed++;
            }
            else {
                store.insertOccupation(o.code(), o.nationalCode(), o.nameZh(), o.nameEn(), o.lineCode(), o.active());
                added++;
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("added", added);
        after.put("changed", changed);
        audit.record(
                AuditEvent.of("reference.occupation.import", ReferenceKind.OCCUPATION.name(), "import", null, after));
        catalogue.invalidate();
        return new OccupationImportReport(added, changed, List.of());
    }

    private static String column(String field) {
        return switch (field) {
            case "nationalCode" -> "national_code";
            case "nameZh" -> "name_zh";
            case "nameEn" -> "name_en";
            case "lineCode" -> "line_code";
            default -> field;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
