package org.jixing.employment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.employment.EmploymentStatusSource.Status;
import org.jixing.employment.internal.DemandStore;
import org.jixing.employment.internal.ReferralStore;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.CompletedTraining;
import org.jixing.training.Enrolments;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employment services: trainees who completed and are not known to be employed, with the
 * open demands of their occupation in their class's city; referrals to demands
 * (recommended, interviewed, hired or declined) recorded by employment officers of the
 * demand's region or by the demand's enterprise; a trainee reads their own.
 */
@Service
public class EmploymentServices {

    private final ReferralStore store;

    private final DemandStore demandStore;

    private final JobDemands demands;

    private final OrderClassCommitments orderClasses;

    private final Enrolments enrolments;

    private final People people;

    private final List<EmploymentStatusSource> sources;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    EmploymentServices(ReferralStore store, DemandStore demandStore, JobDemands demands,
            OrderClassCommitments orderClasses, Enrolments enrolments, People people,
            List<EmploymentStatusSource> sources, ScopeGuard guard, AuditTrail audit, Clock clock) {
        this.store = store;
        this.demandStore = demandStore;
        this.demands = demands;
        this.orderClasses = orderClasses;
        this.enrolments = enrolments;
        this.people = people;
        this.sources = sources;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    private static CurrentUser require(EmploymentPermission permission) {
        CurrentUser me = CurrentUser.require();
        if (!permission.allows(me)) {
            throw new AccessDeniedException(permission.name());
        }
        return me;
    }

    /**
     * What is known of these people: employed when hired through an order class or when a
     * source says so; otherwise what the sources say, else unknown.
     */
    Map<Long, Status> statusOf(Set<Long> personIds) {
        Map<Long, Status> out = new HashMap<>();
        for (EmploymentStatusSource source : sources) {
            source.statusOf(personIds).forEach((person, status) -> {
                if (status == Status.EMPLOYED || !out.containsKey(person)) {
                    out.put(person, status);
                }
            });
        }
        orderClasses.hiredPeople(personIds).forEach(p -> out.put(p, Status.EMPLOYED));
        return out;
    }

    /**
     * Trainees who completed classes in the caller's region (a city of it if named), of
     * one occupation if named, latest first, who are not known to be employed; each with
     * the open demands of the class's occupation in the class's city.
     */
    @Transactional(readOnly = true)
    public List<EmploymentCandidate> candidates(String cityCode, String occupationCode, int limit) {
        CurrentUser me = require(EmploymentPermission.SERVICE_READ);
        String region = me.scope().ref();
        if (cityCode != null && !cityCode.isBlank()) {
            if (!RegionCode.isWellFormed(cityCode) || !me.scope().coversRegion(cityCode)) {
                throw InvalidInputException.of("cityCode", "employment.error.city.scope");
            }
            region = cityCode;
        }
        List<CompletedTraining> done = enrolments.completedTrainingsIn(region, JobDemands.blankToNull(occupationCode),
                Math.min(Math.max(limit, 1), 500));
        return candidatesOf(done, null);
    }

    /**
     * For one demand (in the caller's scope: an officer's region, the enterprise's own):
     * trainees who completed a class of its occupation in its city and are not known to
     * be employed.
     */
    @Transactional(readOnly = true)
    public List<EmploymentCandidate> candidatesFor(long demandId, int limit) {
        require(EmploymentPermission.REFERRAL_WRITE);
        JobDemand d = guard.require(demandStore.find(demandId, ScopeSql.forCurrentUser(DemandStore.SCOPE)),
                "employment_demand", demandId, () -> demandStore.exists(demandId));
        List<CompletedTraining> done = enrolments.completedTrainingsIn(d.cityCode(), d.occupationCode(),
                Math.min(Math.max(limit, 1), 500));
        return candidatesOf(done, d);
    }

    private List<EmploymentCandidate> candidatesOf(List<CompletedTraining> done, JobDemand only) {
        Set<Long> personIds = new LinkedHashSet<>();
        done.forEach(t -> personIds.add(t.personId()));
        Map<Long, Status> known = statusOf(personIds);
        Map<Long, Person> persons = people.findAll(personIds);
        Map<String, List<OpenDemand>> open = new HashMap<>();
        Set<Long> seen = new LinkedHashSet<>();
        List<EmploymentCandidate> out = new ArrayList<>();
        for (CompletedTraining t : done) {
            Status s = known.getOrDefault(t.personId(), Status.UNKNOWN);
            if (s == Status.EMPLOYED || !seen.add(t.personId())) {
                continue;
            }
            String city = new RegionCode(t.regionCode()).cityCode();
            List<OpenDemand> matching = only != null ? List.of(JobDemands.open(only)) : open.computeIfAbsent(
                    t.occupationCode() + "|" + city,
                    k -> demands.approved(t.occupationCode(), city, 20).stream().map(JobDemands::open).toList());
            Person p = persons.get(t.personId());
            out.add(new EmploymentCandidate(t, p == null ? "" : p.name(), p == null ? "" : p.idNumberMasked(), s,
                    matching));
        }
        return out;
    }

    /**
     * Refers a trainee who completed (named by the completed enrolment) to an open demand
     * in the caller's scope; referring the same person to the same demand again changes
     * nothing.
     */
    @Transactional
    public Referral refer(long demandId, Long enrolmentId, String note) {
        CurrentUser me = require(EmploymentPermission.REFERRAL_WRITE);
        JobDemand d = guard.require(demandStore.find(demandId, ScopeSql.forCurrentUser(DemandStore.SCOPE)),
                "employment_demand", demandId, () -> demandStore.exists(demandId));
        if (d.status() != DemandStatus.APPROVED) {
            throw InvalidInputException.of("demandId", "employment.error.referral.demandNotOpen", d.demandNo());
        }
        CompletedTraining t = enrolmentId == null ? null : enrolments.completedTraining(enrolmentId).orElse(null);
        if (t == null) {
            throw InvalidInputException.of("enrolmentId", "employment.error.referral.notCompleted",
                    String.valueOf(enrolmentId));
        }
        String clean = checkNote(note);
        var existing = store.existing(demandId, t.personId());
        if (existing.isPresent()) {
            return toReferral(store.find(existing.get(), ScopeSql.UNSCOPED).orElseThrow());
        }
        long id = store.insert(demandId, t.personId(), t.enrolmentId(), d.regionCode(), d.enterpriseCreditCode(), clean,
                me.username(), clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("demand", d.demandNo());
        after.put("person", t.personId());
        after.put("enrolment", t.enrolmentId());
        after.put("status", ReferralStatus.RECOMMENDED.name());
        audit.record(AuditEvent.of("employment.referral.recommend", "employment_referral", id, null, after));
        return toReferral(store.find(id, ScopeSql.UNSCOPED).orElseThrow());
    }

    /**
     * Moves a referral in the caller's scope a step on: interviewed, hired or declined.
     */
    @Transactional
    public Referral move(long id, int version, ReferralStatus to, String note) {
        require(EmploymentPermission.REFERRAL_WRITE);
        ReferralStore.Row r = guard.require(store.find(id, ScopeSql.forCurrentUser(ReferralStore.SCOPE)),
                "employment_referral", id, () -> store.exists(id));
        if (!r.status().mayMoveTo(to)) {
            throw InvalidInputException.of("status", "employment.error.referral.step", r.status().name(),
                    to == null ? "" : to.name());
        }
        String clean = checkNote(note);
        if (!store.move(id, version, r.status(), to, clean != null ? clean : r.note(), clock.instant())) {
            throw InvalidInputException.of("version", "employment.error.stale");
        }
        audit.record(AuditEvent.of("employment.referral." + to.name().toLowerCase(java.util.Locale.ROOT),
                "employment_referral", id, Map.of("status", r.status().name()), Map.of("status", to.name())));
        return toReferral(store.find(id, ScopeSql.UNSCOPED).orElseThrow());
    }

    /** Referrals in the caller's scope (a trainee: their own), latest first. */
    @Transactional(readOnly = true)
    public PageResult<Referral> search(ReferralStatus status, int page, int size) {
        CurrentUser me = CurrentUser.require();
        if (!EmploymentPermission.REFERRAL_READ.allows(me) && !EmploymentPermission.OWN_REFERRALS.allows(me)) {
            throw new AccessDeniedException("referrals");
        }
        ScopeSql.Clause scope = ScopeSql.forCurrentUser(ReferralStore.SCOPE);
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 200);
        List<ReferralStore.Row> rows = store.search(status, scope, PageResult.offset(p, s), s);
        Map<Long, Person> persons = people
            .findAll(rows.stream().map(ReferralStore.Row::personId).collect(java.util.stream.Collectors.toSet()));
        return new PageResult<>(rows.stream().map(r -> toReferral(r, persons.get(r.personId()))).toList(), p, s,
                store.count(status, scope));
    }

    /** A trainee's own referrals. */
    @Transactional(readOnly = true)
    public PageResult<Referral> mine(int page, int size) {
        CurrentUser me = require(EmploymentPermission.OWN_REFERRALS);
        if (me.scope().kind() != ScopeKind.PERSON) {
            throw new AccessDeniedException("own referrals");
        }
        return search(null, page, size);
    }

    private static String checkNote(String note) {
        String clean = JobDemands.blankToNull(note);
        if (clean != null && clean.length() > 500) {
            throw InvalidInputException.of("note", "employment.error.tooLong");
        }
        return clean;
    }

    private Referral toReferral(ReferralStore.Row r) {
        return toReferral(r, people.find(r.personId()).orElse(null));
    }

    private static Referral toReferral(ReferralStore.Row r, Person p) {
        return new Referral(r.id(), r.demandId(), r.demandNo(), r.enterpriseName(), r.occupationCode(), r.cityCode(),
                r.personId(), p == null ? "" : p.name(), p == null ? "" : p.idNumberMasked(), r.enrolmentId(),
                r.regionCode(), r.status(), r.note(), r.recordedBy(), r.createdAt(), r.updatedAt(), r.version());
    }

}
