package org.jixing.person;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.internal.PersonStore;
import org.jixing.person.internal.PersonalDataCipher;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.PageResult;
import org.jixing.shared.RegionCode;
import org.jixing.shared.ResidentIdNumbers;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trainee registry. People are keyed by resident ID number, found by its blind index,
 * shown masked; a full number leaves the registry only through
 * {@link PersonalDataExports}, which audits it.
 */
@Service
public class People {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Set<Role> REGISTRARS = PersonPermission.PEOPLE_REGISTER.roles();

    private final PersonStore store;

    private final PersonalDataCipher cipher;

    private final ReferenceCatalogue reference;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    People(PersonStore store, PersonalDataCipher cipher, ReferenceCatalogue reference, ScopeGuard guard,
            AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.cipher = cipher;
        this.reference = reference;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /**
     * Checks an ID number as typed and lists what is wrong with it, for forms and
     * imports.
     */
    public Optional<Problem> checkIdNumber(String field, String raw) {
        return RegistrationRules.idNumberProblem(field, raw, today());
    }

    /**
     * Registers a person. Region officers register people of their region; provider staff
     * register them in the region of the class they enrol in (the caller passes it).
     */
    @Transactional
    public Person register(NewPerson p) {
        CurrentUser me = CurrentUser.require();
        if (!REGISTRARS.contains(me.role())) {
            throw new AccessDeniedException("registering people");
        }
        List<Problem> problems = problems(p, me);
        if (problems.isEmpty() && findByIdNumber(p.idNumber()).isPresent()) {
            problems.add(new Problem("idNumber", "person.error.idNumber.registered"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String phone = p.phone().strip();
        var parsed = ResidentIdNumbers.parse(p.idNumber(), today());
        long id;
        try {
            id = store.insert(seal(parsed.value(), parsed.masked()), seal(phone, maskPhone(phone)), p.name().strip(),
                    parsed.male(), parsed.birthDate(), p.regionCode(), clock.instant());
        }
        catch (DuplicateKeyException ex) {
            // Registered by somebody else a moment ago.
            throw InvalidInputException.of("idNumber", "person.error.idNumber.registered");
        }
        Person person = find(id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("idNumber", person.idNumberMasked());
        after.put("name", person.name());
        after.put("phone", person.phoneMasked());
        after.put("region", person.regionCode());
        audit.record(AuditEvent.of("person.register", "person", id, null, after));
        return person;
    }

    /**
     * The outcome of {@link #registerAll}: the person id of every valid row by its
     * normalised ID number (newly registered or already known), the problems of the
     * invalid rows by their index, and how many people were new.
     */
    public record BulkRegistration(Map<String, Long> ids, Map<Integer, List<Problem>> problems, int registered) {
    }

    /**
     * Registers many people at once, for imports and migrations: every row is checked as
     * {@link #register} checks it; people already registered keep their record; the new
     * ones are written in one bulk write. One audit entry records the batch.
     */
    @Transactional
    public BulkRegistration registerAll(List<NewPerson> rows) {
        CurrentUser me = CurrentUser.require();
        if (!REGISTRARS.contains(me.role())) {
            throw new AccessDeniedException("registering people");
        }
        Map<Integer, List<Problem>> problems = new LinkedHashMap<>();
        Map<String, NewPerson> valid = new LinkedHashMap<>();
        Map<String, String> indexes = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            NewPerson p = rows.get(i);
            List<Problem> found = problems(p, me);
            if (!found.isEmpty()) {
                problems.put(i, found);
                continue;
            }
            String number = ResidentIdNumbers.normalize(p.idNumber());
            if (valid.putIfAbsent(number, p) == null) {
                indexes.put(cipher.index(number), number);
            }
        }
        Map<String, Long> ids = new HashMap<>();
        store.idsByIndex(indexes.keySet()).forEach((index, id) -> ids.put(indexes.get(index), id));
        LocalDate today = today();
        Instant now = clock.instant();
        List<PersonStore.NewPersonRow> fresh = new ArrayList<>();
        Map<String, String> freshIndexes = new HashMap<>();
        valid.forEach((number, p) -> {
            if (ids.containsKey(number)) {
                return;
            }
            var parsed = ResidentIdNumbers.parse(number, today);
            String phone = p.phone().strip();
            PersonStore.Sealed id = seal(parsed.value(), parsed.masked());
            PersonStore.Sealed ph = seal(phone, maskPhone(phone));
            freshIndexes.put(id.index(), number);
            fresh.add(new PersonStore.NewPersonRow(id, p.name().strip(), parsed.male() ? "M" : "F", parsed.birthDate(),
                    ph, p.regionCode(), now));
        });
        if (!fresh.isEmpty()) {
            store.insertAll(fresh);
            store.idsByIndex(freshIndexes.keySet()).forEach((index, id) -> ids.put(freshIndexes.get(index), id));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("registered", fresh.size());
            after.put("alreadyKnown", valid.size() - fresh.size());
            after.put("invalidRows", problems.size());
            audit.record(AuditEvent.of("person.register.bulk", "person", null, null, after));
        }
        return new BulkRegistration(ids, problems, fresh.size());
    }

    /** A group membership to record in bulk. */
    public record NewMembership(long personId, String groupCode, String evidence, LocalDate validFrom,
            LocalDate validUntil) {
    }

    /**
     * Records many group memberships at once through the registry's service itself (a
     * migration, the demo): {@link #addGroups(List, MembershipChannel)} with
     * {@link MembershipChannel#DIRECT}.
     */
    @Transactional
    public int addGroups(List<NewMembership> memberships) {
        return addGroups(memberships, MembershipChannel.DIRECT);
    }

    /**
     * Records many group memberships at once (imports, migrations), each checked as
     * {@link #addGroup} checks it; all or nothing. Each keeps its source: the recorder,
     * their role (which decides whether it is the registry's record or a provider's
     * declaration) and the path it came by. One audit entry records the batch;
     * {@link GroupMembershipsRecorded} names the people.
     */
    @Transactional
    public int addGroups(List<NewMembership> memberships, MembershipChannel channel) {
        CurrentUser me = CurrentUser.require();
        if (!PersonPermission.PEOPLE_REGISTER.allows(me)) {
            throw new AccessDeniedException("recording group memberships");
        }
        if (channel == null || channel == MembershipChannel.UNRECORDED) {
            throw new IllegalArgumentException("a membership is recorded by a known path");
        }
        Instant now = clock.instant();
        List<PersonStore.NewGroupRow> rows = new ArrayList<>();
        Set<Long> persons = new HashSet<>();
        for (NewMembership m : memberships) {
            List<Problem> problems = groupProblems(m.groupCode(), m.evidence(), m.validFrom(), m.validUntil());
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            rows.add(new PersonStore.NewGroupRow(m.personId(), m.groupCode(), m.evidence().strip(), m.validFrom(),
                    m.validUntil(), me.username(), now, me.role().name(), channel.name()));
            persons.add(m.personId());
        }
        store.insertGroups(rows);
        if (!rows.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("memberships", rows.size());
            after.put("channel", channel.name());
            after.put("basis", GroupBasis.recordedAs(me.role()).name());
            audit.record(AuditEvent.of("person.group.add.bulk", "person", null, null, after));
            events.publishEvent(new GroupMembershipsRecorded(Set.copyOf(persons)));
        }
        return rows.size();
    }

    /**
     * What is wrong with a registration by the signed-in user, as {@link #register} would
     * say it, without asking the database: for imports that check every row before
     * writing any.
     */
    public List<Problem> check(NewPerson p) {
        return problems(p, CurrentUser.require());
    }

    /**
     * The registered people with these ID numbers (normalised), by number; unscoped, for
     * imports whose rows name people by number. Two statements per call.
     */
    @Transactional(readOnly = true)
    public Map<String, Person> findAllByIdNumber(Collection<String> idNumbers) {
        Map<String, String> indexes = new HashMap<>();
        for (String n : idNumbers) {
            indexes.put(cipher.index(n), n);
        }
        if (indexes.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> numbers = new HashMap<>();
        store.idsByIndex(indexes.keySet()).forEach((index, id) -> numbers.put(id, indexes.get(index)));
        Map<String, Person> found = new HashMap<>();
        if (!numbers.isEmpty()) {
            store.findAll(numbers.keySet()).forEach(p -> found.put(numbers.get(p.id()), p));
        }
        return found;
    }

    /** What is wrong with a registration, without asking the database. */
    private List<Problem> problems(NewPerson p, CurrentUser me) {
        return RegistrationRules.problems(p, me, today(), this::registrable);
    }

    /** A region people are registered in: a known city or county, not the province. */
    private boolean registrable(String regionCode) {
        return reference.region(regionCode).filter(r -> r.level() != RegionCode.Level.PROVINCE).isPresent();
    }

    /** Exact lookup by the full number; whoever asks already knows it. */
    @Transactional(readOnly = true)
    public Optional<Person> findByIdNumber(String raw) {
        String v = ResidentIdNumbers.normalize(raw);
        if (v == null || v.length() != 18) {
            return Optional.empty();
        }
        return store.findByIndex(cipher.index(v));
    }

    /** Unscoped, for other modules' rules and rosters. */
    @Transactional(readOnly = true)
    public Optional<Person> find(long id) {
        return store.find(id, ScopeSql.UNSCOPED);
    }

    /** Unscoped, for rosters: the people with these ids. */
    @Transactional(readOnly = true)
    public Map<Long, Person> findAll(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : store.findAll(ids).stream().collect(Collectors.toMap(Person::id, p -> p));
    }

    /** A person in the caller's scope, or 404. */
    @Transactional(readOnly = true)
    public Person get(long id) {
        return guard.require(store.find(id, ScopeSql.forCurrentUser(PersonStore.SCOPE)), "person", id,
                () -> store.exists(id));
    }

    /**
     * The registry search: part of a name, or a full ID or phone number (matched through
     * the blind index).
     */
    @Transactional(readOnly = true)
    public PageResult<Person> search(String query, int page, int size) {
        Terms t = terms(query);
        var scope = ScopeSql.forCurrentUser(PersonStore.SCOPE);
        return new PageResult<>(
                store.search(t.name(), t.idIndex(), t.phoneIndex(), scope, PageResult.offset(page, size), size), page,
                size, store.count(t.name(), t.idIndex(), t.phoneIndex(), scope));
    }

    /** What a registry search looks for: part of a name, or a full ID or phone number. */
    record Terms(String name, String idIndex, String phoneIndex) {
    }

    Terms terms(String query) {
        if (query == null || query.isBlank()) {
            return new Terms(null, null, null);
        }
        String q = ResidentIdNumbers.normalize(query);
        if (q.matches("\\d{17}[\\dX]")) {
            return new Terms(null, cipher.index(q), null);
        }
        if (RegistrationRules.MOBILE.matcher(q).matches()) {
            return new Terms(null, null, cipher.index(q));
        }
        return new Terms(query, null, null);
    }

    @Transactional(readOnly = true)
    public List<GroupMembership> groups(long personId) {
        get(personId);
        return store.groups(personId);
    }

    /** The groups a person belongs to on a day; unscoped, for eligibility rules. */
    @Transactional(readOnly = true)
    public Set<String> groupsOn(long personId, LocalDate day) {
        return groupsOn(List.of(personId), day).getOrDefault(personId, Set.of());
    }

    /** The groups each of these people belongs to on a day; unscoped, for bulk rules. */
    @Transactional(readOnly = true)
    public Map<Long, Set<String>> groupsOn(Collection<Long> personIds, LocalDate day) {
        Map<Long, Set<String>> held = new HashMap<>();
        store.groupsOf(personIds)
            .forEach((person, groups) -> held.put(person,
                    groups.stream()
                        .filter(g -> g.validOn(day))
                        .map(GroupMembership::groupCode)
                        .collect(Collectors.toSet())));
        return held;
    }

    /**
     * Records one group membership through the registry's service
     * ({@link MembershipChannel#DIRECT}); its basis follows the recorder's role.
     */
    @Transactional
    public GroupMembership addGroup(long personId, String groupCode, String evidence, LocalDate validFrom,
            LocalDate validUntil) {
        CurrentUser me = CurrentUser.require();
        if (!PersonPermission.PEOPLE_REGISTER.allows(me)) {
            throw new AccessDeniedException("recording group memberships");
        }
        if (me.role() != Role.PROVIDER_STAFF) {
            get(personId);
        }
        else if (find(personId).isEmpty()) {
            throw new RecordNotFoundException("person", personId);
        }
        List<Problem> problems = groupProblems(groupCode, evidence, validFrom, validUntil);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insertGroup(personId, groupCode, evidence.strip(), validFrom, validUntil, me.username(),
                clock.instant(), me.role(), MembershipChannel.DIRECT);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("group", groupCode);
        after.put("evidence", evidence.strip());
        after.put("validFrom", validFrom.toString());
        after.put("validUntil", validUntil == null ? null : validUntil.toString());
        after.put("channel", MembershipChannel.DIRECT.name());
        after.put("basis", GroupBasis.recordedAs(me.role()).name());
        audit.record(AuditEvent.of("person.group.add", "person", personId, null, after));
        events.publishEvent(new GroupMembershipsRecorded(Set.of(personId)));
        return store.groups(personId).stream().filter(g -> g.id() == id).findFirst().orElseThrow();
    }

    /**
     * The groups each of these people held on a day and what each rests on (the
     * registry's record before a provider's declaration); unscoped, for pricing and
     * figures.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, HeldGroup>> groupsHeldOn(Collection<Long> personIds, LocalDate day) {
        Map<Long, Map<String, HeldGroup>> held = new HashMap<>();
        store.groupsOf(personIds).forEach((person, groups) -> held.put(person, heldOn(groups, day)));
        return held;
    }

    /** The groups held on a day among memberships, each with its best evidence. */
    public static Map<String, HeldGroup> heldOn(List<GroupMembership> memberships, LocalDate day) {
        Map<String, HeldGroup> held = new TreeMap<>();
        for (GroupMembership m : memberships) {
            if (m.validOn(day)) {
                held.merge(m.groupCode(), HeldGroup.of(m), HeldGroup::or);
            }
        }
        return held;
    }

    /** Every membership of these people, any validity; unscoped, for figures. */
    @Transactional(readOnly = true)
    public Map<Long, List<GroupMembership>> memberships(Collection<Long> personIds) {
        return store.groupsOf(personIds);
    }

    private List<Problem> groupProblems(String groupCode, String evidence, LocalDate validFrom, LocalDate validUntil) {
        return RegistrationRules.membershipProblems(groupCode, evidence, validFrom, validUntil,
                code -> reference.traineeGroups().stream().anyMatch(g -> g.code().equals(code)));
    }

    private PersonStore.Sealed seal(String clear, String masked) {
        return clear == null ? null : new PersonStore.Sealed(cipher.encrypt(clear), cipher.index(clear), masked);
    }

    static String maskPhone(String phone) {
        return phone == null ? null : phone.substring(0, 3) + "****" + phone.substring(7);
    }

}
