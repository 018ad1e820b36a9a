package org.jixing.person.web;

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

import jakarta.servlet.http.HttpServletResponse;

import org.jixing.person.PersonPermission;
import org.jixing.person.PersonPermission.Allowed;
import org.jixing.person.PersonalDataExports;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.web.TableDownload;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trainee registry as CSV or XLSX, in the caller's scope (a city officer gets the
 * people of their city), streamed page by page. ID numbers are masked unless the caller
 * asks for them in full ({@code idNumbers=full}) and their role needs them (province and
 * city officers); every export is audited with its size.
 */
@RestController
class PeopleExports {

    private static final int PAGE = 1_000;

    private final PersonalDataExports exports;

    private final ReferenceCatalogue reference;

    private final MessageSource messages;

    PeopleExports(PersonalDataExports exports, ReferenceCatalogue reference, MessageSource messages) {
        this.exports = exports;
        this.reference = reference;
        this.messages = messages;
    }

    @Allowed(PersonPermission.PEOPLE_EXPORT)
    @GetMapping({ "/people/export.{format:csv|xlsx}", "/api/v1/people/export.{format:csv|xlsx}" })
    void export(@PathVariable String format, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "masked") String idNumbers, Locale locale, HttpServletResponse response)
            throws IOException {
        boolean full = "full".equals(idNumbers);
        // Refused before anything is written, so the caller gets a clean 403.
        if (full && !exports.mayExportFullIdNumbers()) {
            throw new AccessDeniedException("exporting full ID numbers");
        }
        Map<String, String> regions = new HashMap<>();
        reference.regions().forEach(r -> regions.put(r.code(), r.name(locale)));
        Map<String, String> groups = new HashMap<>();
        reference.traineeGroups().forEach(g -> groups.put(g.code(), g.name(locale)));
        List<String> header = Arrays
            .stream(new String[] { "person.field.idNumber", "person.field.name", "person.field.gender",
                    "person.field.birthDate", "person.field.phone", "person.field.region", "person.field.groups",
                    "person.field.registeredAt" })
            .map(k -> messages.getMessage(k, null, k, locale))
            .toList();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
        String male = messages.getMessage("person.gender.M", null, "M", locale);
        String female = messages.getMessage("person.gender.F", null, "F", locale);
        AtomicLong written = new AtomicLong();
        Iterator<List<?>> rows = new Iterator<>() {
            private Iterator<PersonalDataExports.ExportedPerson> page = Collections.emptyIterator();

            private long after;

            private boolean exhausted;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !exhausted) {
                    List<PersonalDataExports.ExportedPerson> next = exports.exportPage(q, full, after, PAGE);
                    exhausted = next.size() < PAGE;
                    if (!next.isEmpty()) {
                        after = next.get(next.size() - 1).person().id();
                    }
                    page = next.iterator();
                }
                return page.hasNext();
            }

            @Override
            public List<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                PersonalDataExports.ExportedPerson e = page.next();
                written.incrementAndGet();
                return Arrays.asList(e.idNumber(), e.person().name(), e.person().male() ? male : female,
                        e.person().birthDate(), e.person().phoneMasked(),
                        regions.getOrDefault(e.person().regionCode(), e.person().regionCode()),
                        String.join("、", e.groups().stream().map(g -> groups.getOrDefault(g, g)).sorted().toList()),
                        time.format(e.registeredAt()));
            }
        };
        TableDownload.write(response, format, "trainees-" + LocalDate.now(ZoneId.of("Asia/Shanghai")),
                messages.getMessage("person.export.sheet", null, "trainees", locale), header, rows);
        exports.auditExport(q, full, written.get());
    }

}
