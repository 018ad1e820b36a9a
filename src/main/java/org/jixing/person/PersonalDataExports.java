package org.jixing.person;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.internal.PersonStore;
import org.jixing.person.internal.PersonalDataCipher;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal data leaving the registry: exports of the registry page by page, full ID
 * numbers for the roles whose work needs them (province and city officers), and the
 * reveal of one person's number; each of them audited.
 */
@Service
public class PersonalDataExports {

    private final PersonStore store;

    private final PersonalDataCipher cipher;

    private final People people;

    private final AuditTrail audit;

    PersonalDataExports(PersonStore store, PersonalDataCipher cipher, People people, AuditTrail audit) {
        this.store = store;
        this.cipher = cipher;
        this.people = people;
        this.audit = audit;
    }

    /**
     * A person as an export lists them; the full ID number only when asked and allowed.
     */
    public record ExportedPerson(Person person, String idNumber, Instant registeredAt, Set<String> groups) {
    }

    /** Whether the signed-in user's role may export full ID numbers. */
    public boolean mayExportFullIdNumbers() {
        return PersonPermission.FULL_ID_NUMBERS.allowsCurrentUser();
    }

    /**
     * The registry search (as {@link People#search}) page by page in id order, for
     * exports. {@code afterId} is the last id of the previous page (0 for the first).
     * Full ID numbers go only to the roles whose work needs them; the caller audits the
     * export once with {@link #auditExport}.
     */
    @Transactional(readOnly = true)
    public List<ExportedPerson> exportPage(String query, boolean fullIdNumbers, long afterId, int size) {
        if (fullIdNumbers && !mayExportFullIdNumbers()) {
            throw new AccessDeniedException("exporting full ID numbers");
        }
        People.Terms t = people.terms(query);
        List<PersonStore.Exported> page = store.exportPage(t.name(), t.idIndex(), t.phoneIndex(),
                ScopeSql.forCurrentUser(PersonStore.SCOPE), afterId, size);
        Map<Long, Set<String>> groups = people.groupsOn(page.stream().map(e -> e.person().id()).toList(),
                people.today());
        return page.stream()
            .map(e -> new ExportedPerson(e.person(),
                    fullIdNumbers ? cipher.decrypt(e.idNumberCipher()) : e.person().idNumberMasked(), e.registeredAt(),
                    groups.getOrDefault(e.person().id(), Set.of())))
            .toList();
    }

    /**
     * The full ID numbers of these people, for a download of a record the caller has
     * already read in their scope (a class's roster): only for the roles whose work needs
     * them (province and city officers); the caller audits the download with its size.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> fullIdNumbers(Collection<Long> personIds) {
        if (!mayExportFullIdNumbers()) {
            throw new AccessDeniedException("exporting full ID numbers");
        }
        Map<Long, String> out = new HashMap<>();
        store.idNumberCiphers(personIds).forEach((id, sealed) -> out.put(id, cipher.decrypt(sealed)));
        return out;
    }

    /**
     * Records an export of the registry: how many people, with full ID numbers or not.
     */
    @Transactional
    public void auditExport(String query, boolean fullIdNumbers, long rows) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("query", query);
        after.put("fullIdNumbers", fullIdNumbers);
        after.put("rows", rows);
        audit
            .record(AuditEvent.of(fullIdNumbers ? "person.export.full" : "person.export", "person", null, null, after));
    }

    /**
     * The full ID number, for the roles whose work needs it (province and region
     * officers); each call is audited.
     */
    @Transactional
    public String revealIdNumber(long id) {
        CurrentUser me = CurrentUser.require();
        if (!PersonPermission.FULL_ID_NUMBERS.allows(me)) {
            throw new AccessDeniedException("revealing ID numbers");
        }
        people.get(id);
        String clear = cipher.decrypt(store.idNumberCipher(id));
        audit.record(AuditEvent.of("person.idNumber.reveal", "person", id, null, null));
        return clear;
    }

}
