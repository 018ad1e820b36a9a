package org.jixing.training.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;

import jakarta.servlet.http.HttpServletResponse;

import org.jixing.person.PersonalDataExports;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.PageResult;
import org.jixing.shared.web.TableDownload;
import org.jixing.training.Attendance;
import org.jixing.training.AttendanceEvent;
import org.jixing.training.ClassFilter;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassSession;
import org.jixing.training.ClassStatus;
import org.jixing.training.ClassType;
import org.jixing.training.Enrolment;
import org.jixing.training.Enrolments;
import org.jixing.training.TrainingClass;
import org.jixing.training.TrainingPermission;
import org.jixing.training.TrainingPermission.Allowed;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CSV and XLSX downloads of the class list (the same filters as the page) and of a
 * class's roster with attendance and outcomes, in the caller's scope and language. ID
 * numbers are masked (on a roster officers may ask for them in full). The same addresses
 * serve the pages (session) and other systems (under {@code /api/v1}, bearer token).
 */
@RestController
class ClassExports {

    private static final int PAGE = 500;

    private final ClassOpenings classes;

    private final Enrolments enrolments;

    private final Attendance attendance;

    private final ReferenceCatalogue reference;

    private final MessageSource messages;

    private final PersonalDataExports exports;

    ClassExports(ClassOpenings classes, Enrolments enrolments, Attendance attendance, ReferenceCatalogue reference,
            MessageSource messages, PersonalDataExports exports) {
        this.exports = exports;
        this.classes = classes;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.reference = reference;
        this.messages = messages;
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping({ "/classes/export.{format:csv|xlsx}", "/api/v1/classes/export.{format:csv|xlsx}" })
    void classes(@PathVariable String format, @RequestParam(required = false) ClassStatus status,
            @RequestParam(required = false) String line, @RequestParam(required = false) String region,
            @RequestParam(required = false) String q, @RequestParam(required = false) Long providerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String sort, @RequestParam(required = false) ClassType type,
            @RequestParam(defaultValue = "false") boolean opened,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedUntil,
            @RequestParam(required = false) String group, @RequestParam(required = false) String subTarget,
            Locale locale, HttpServletResponse response) throws IOException {
        ClassFilter filter = new ClassFilter(status, line, region, providerId, q, sort, from, to, type, opened,
                completedFrom, completedUntil, group, subTarget);
        Map<String, String> occupations = new HashMap<>();
        reference.occupations().forEach(o -> occupations.put(o.code(), o.name(locale)));
        Map<String, String> regions = new HashMap<>();
        reference.regions().forEach(r -> regions.put(r.code(), r.name(locale)));
        List<String> header = headers(locale, "training.field.classNo", "training.field.provider",
                "training.field.region", "training.field.line", "training.field.subTarget", "training.field.occupation",
                "training.field.level", "training.field.type", "training.field.subsidised", "training.field.startDate",
                "training.field.endDate", "training.field.capacity", "training.field.status");
        Iterator<List<?>> rows = new Pages<>(page -> classes.search(filter, page, PAGE),
                c -> List.of(c.classNo(), c.providerName(), regions.getOrDefault(c.regionCode(), c.regionCode()),
                        c.lineCode(), c.subTargetCode(),
                        occupations.getOrDefault(c.occupationCode(), c.occupationCode()), c.levelCode(),
                        text(locale, "training.type." + c.classType().name()),
                        text(locale, c.subsidised() ? "training.yes" : "training.no"), c.startDate(), c.endDate(),
                        c.capacity(), text(locale, "training.status." + c.status().name())));
        send(response, format, "classes-" + LocalDate.now(), text(locale, "training.classes.title"), header, rows);
    }

    /**
     * A class's roster with attendance and outcomes, a page at a time. ID numbers are
     * masked unless the caller asks for them in full ({@code idNumbers=full}) and their
     * role needs them (province and city officers), which is audited with the rows sent.
     */
    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping({ "/classes/{id}/roster.{format:csv|xlsx}", "/api/v1/classes/{id}/roster.{format:csv|xlsx}" })
    void roster(@PathVariable long id, @PathVariable String format,
            @RequestParam(defaultValue = "masked") String idNumbers, Locale locale, HttpServletResponse response)
            throws IOException {
        boolean full = "full".equals(idNumbers);
        // Refused before anything is written, so the caller gets a clean 403.
        if (full && !exports.mayExportFullIdNumbers()) {
            throw new AccessDeniedException("exporting full ID numbers");
        }
        TrainingClass c = classes.get(id);
        Map<Long, Attendance.Rate> rates = attendance.rates(id);
        List<String> header = headers(locale, "training.field.traineeName", "training.field.idNumber",
                "training.field.subsidised", "training.export.ineligibleReasons", "training.field.attendanceRate",
                "training.field.status", "training.export.completionReason");
        AtomicLong written = new AtomicLong();
        Map<Long, String> numbers = new HashMap<>();
        Iterator<List<?>> rows = new Pages<>(page -> {
            PageResult<Enrolment> next = enrolments.rosterPage(id, page, PAGE);
            numbers.clear();
            if (full) {
                numbers.putAll(exports.fullIdNumbers(next.items().stream().map(Enrolment::personId).toList()));
            }
            return next;
        }, e -> {
            Attendance.Rate rate = rates.get(e.id());
            written.incrementAndGet();
            return Arrays.asList(e.name(), full ? numbers.get(e.personId()) : e.idNumberMasked(),
                    text(locale, e.subsidised() ? "training.yes" : "training.no"), e.ineligibleReasons(),
                    rate == null ? null : rate.attended() + "/" + rate.sessions(),
                    text(locale, "training.enrolment." + e.status().name()), e.completionReason());
        });
        send(response, format, "roster-" + c.classNo(), c.classNo(), header, rows);
        if (full) {
            enrolments.auditRosterExport(id, written.get());
        }
    }

    @Allowed(TrainingPermission.CLASS_READ)
    @GetMapping({ "/classes/{id}/attendance.{format:csv|xlsx}", "/api/v1/classes/{id}/attendance.{format:csv|xlsx}" })
    void attendance(@PathVariable long id, @PathVariable String format, Locale locale, HttpServletResponse response)
            throws IOException {
        TrainingClass c = classes.get(id);
        Map<Long, Enrolment> roster = new HashMap<>();
        enrolments.roster(id).forEach(e -> roster.put(e.id(), e));
        List<ClassSession> sessions = classes.sessions(id);
        List<String> header = headers(locale, "training.export.session", "training.field.sessionTime",
                "training.field.traineeName", "training.field.idNumber", "training.export.kind",
                "training.export.occurredAt", "training.export.receivedAt", "training.export.late",
                "training.export.device", "training.export.deviceKind", "training.export.accepted",
                "training.export.reason", "training.export.recordedBy", "training.export.note");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
        // One session's events in memory at a time.
        Iterator<List<?>> rows = new Iterator<>() {
            private int session;

            private Iterator<AttendanceEvent> events = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!events.hasNext() && session < sessions.size()) {
                    events = attendance.events(id, sessions.get(session++).id()).iterator();
                }
                return events.hasNext();
            }

            @Override
            public List<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                var s = sessions.get(session - 1);
                var e = events.next();
                Enrolment who = e.enrolmentId() == null ? null : roster.get(e.enrolmentId());
                return Arrays.asList(s.seq(), time.format(s.startsAt()), who == null ? null : who.name(),
                        who == null ? null : who.idNumberMasked(),
                        text(locale, "training.attendance." + e.kind().name()), time.format(e.occurredAt()),
                        time.format(e.receivedAt()), text(locale, e.uploadedLate() ? "training.yes" : "training.no"),
                        e.deviceId(),
                        e.deviceKind() == null ? null : text(locale, "training.device." + e.deviceKind().name()),
                        text(locale, e.accepted() ? "training.yes" : "training.no"),
                        e.reason() == null ? null : attendance.describe(e.reason(), s), e.recordedBy(), e.note());
            }
        };
        send(response, format, "attendance-" + c.classNo(), c.classNo(), header, rows);
    }

    private static void send(HttpServletResponse response, String format, String name, String sheet,
            List<String> header, Iterator<? extends List<?>> rows) throws IOException {
        TableDownload.write(response, format, name, sheet, header, rows);
    }

    private List<String> headers(Locale locale, String... keys) {
        return Arrays.stream(keys).map(k -> text(locale, k)).toList();
    }

    private String text(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    /** Rows fetched a page at a time as the download is written. */
    private static final class Pages<T> implements Iterator<List<?>> {

        private final IntFunction<PageResult<T>> fetch;

        private final Function<T, List<?>> row;

        private Iterator<T> current = Collections.emptyIterator();

        private int next;

        private boolean exhausted;

        Pages(IntFunction<PageResult<T>> fetch, Function<T, List<?>> row) {
            this.fetch = fetch;
            this.row = row;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !exhausted) {
                PageResult<T> page = fetch.apply(next++);
                current = page.items().iterator();
                exhausted = page.items().size() < PAGE;
            }
            return current.hasNext();
        }

        @Override
        public List<?> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return row.apply(current.next());
        }

    }

}
