package org.jixing.employment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.employment.internal.OrderClassStore;
import org.jixing.enterprise.Enterprises;
import org.jixing.person.People;
import org.jixing.person.Person;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassStatus;
import org.jixing.training.CompletedTraining;
import org.jixing.training.Enrolments;
import org.jixing.training.TrainingClass;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order classes (订单班, 冠名班, 定岗, 定向): a provider links its class to approved demands of the
 * class's employer; the enterprise confirms and commits to hire (how many, by when);
 * after completion it records whom it hired from the class's roster. The commitment's
 * fulfilment (hired / committed) per class, provider and enterprise is this module's
 * public figure ({@link #fulfilment}, {@link #byProvider}, {@link #byEnterprise}).
 */
@Service
public class OrderClassCommitments {

    /** The class statuses in which a class may still be linked to demands. */
    static final Set<ClassStatus> LINKABLE = EnumSet.of(ClassStatus.SUBMITTED, ClassStatus.APPROVED,
            ClassStatus.RUNNING, ClassStatus.COMPLETED);

    private final OrderClassStore store;

    private final JobDemands demands;

    private final ClassOpenings classes;

    private final Enrolments enrolments;

    private final Enterprises enterprises;

    private final People people;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    OrderClassCommitments(OrderClassStore store, JobDemands demands, ClassOpenings classes, Enrolments enrolments,
            Enterprises enterprises, People people, ScopeGuard guard, AuditTrail audit, Clock clock) {
        this.store = store;
        this.demands = demands;
        this.classes = classes;
        this.enrolments = enrolments;
        this.enterprises = enterprises;
        this.people = people;
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
     * The class if the caller may see it as an order class: an enterprise the classes
     * linked to its own demands, everybody else the classes training lets them see; 404
     * (and an audited refusal) otherwise.
     */
    private TrainingClass visible(CurrentUser me, long classId) {
        if (me.scope().kind() == ScopeKind.ENTERPRISE) {
            Optional<TrainingClass> c = store.linked(classId, ScopeSql.forCurrentUser(OrderClassStore.SCOPE))
                    ? classes.employerClass(classId) : Optional.empty();
            return guard.require(c, "class", classId, () -> classes.employerClass(classId).isPresent());
        }
        return classes.get(classId);
    }

    /** An order class's page: its demands, commitment, hires and completers. */
    @Transactional(readOnly = true)
    public OrderClass view(long classId) {
        CurrentUser me = require(EmploymentPermission.ORDER_CLASS_READ);
        TrainingClass c = visible(me, classId);
        List<JobDemand> linked = store.demandIds(classId)
            .stream()
            .map(demands::findUnscoped)
            .flatMap(Optional::stream)
            .toList();
        HireCommitment commitment = store.commitment(classId).orElse(null);
        List<OrderClassStore.HireRow> rows = store.hires(classId);
        List<CompletedTraining> done = linked.isEmpty() ? List.of() : enrolments.completedTrainingsOfClass(classId);
        Set<Long> personIds = new LinkedHashSet<>();
        rows.forEach(r -> personIds.add(r.personId()));
        done.forEach(d -> personIds.add(d.personId()));
        Map<Long, Person> persons = people.findAll(personIds);
        Set<Long> hiredEnrolments = rows.stream().map(OrderClassStore.HireRow::enrolmentId).collect(Collectors.toSet());
        List<Hire> hires = rows.stream().map(r -> {
            Person p = persons.get(r.personId());
            return new Hire(r.id(), classId, r.enrolmentId(), r.personId(), p == null ? "" : p.name(),
                    p == null ? "" : p.idNumberMasked(), r.hiredOn(), r.recordedBy());
        }).toList();
        List<OrderClass.Completer> completers = done.stream().map(d -> {
            Person p = persons.get(d.personId());
            return new OrderClass.Completer(d.enrolmentId(), d.personId(), p == null ? "" : p.name(),
                    p == null ? "" : p.idNumberMasked(), d.completedOn(), hiredEnrolments.contains(d.enrolmentId()));
        }).toList();
        return new OrderClass(c, linked, commitment, hires, completers);
    }

    /** Order classes in the caller's scope, newest first. */
    @Transactional(readOnly = true)
    public PageResult<OrderClassRow> search(int page, int size) {
        require(EmploymentPermission.ORDER_CLASS_READ);
        ScopeSql.Clause scope = ScopeSql.forCurrentUser(OrderClassStore.SCOPE);
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 200);
        return new PageResult<>(store.search(scope, PageResult.offset(p, s), s), p, s, store.count(scope));
    }

    /**
     * The provider links its own order, named, post or directed class to approved demands
     * of the class's employer; a demand already linked changes nothing. Refused with the
     * reason for a regular class, a closed class, a demand not open or of another
     * enterprise.
     */
    @Transactional
    public OrderClass link(long classId, Collection<Long> demandIds) {
        CurrentUser me = require(EmploymentPermission.ORDER_CLASS_LINK);
        TrainingClass c = classes.get(classId);
        List<Problem> problems = new ArrayList<>();
        if (!c.classType().needsEmployer()) {
            problems.add(new Problem("classId", "employment.error.link.regular"));
        }
        else if (!LINKABLE.contains(c.status())) {
            problems.add(new Problem("classId", "employment.error.link.classState", c.status().name()));
        }
        if (demandIds == null || demandIds.isEmpty()) {
            problems.add(new Problem("demandIds", "employment.error.link.none"));
        }
        List<JobDemand> found = new ArrayList<>();
        for (Long id : demandIds == null ? List.<Long>of() : new LinkedHashSet<>(demandIds)) {
            JobDemand d = id == null ? null : demands.findUnscoped(id).orElse(null);
            if (d == null || d.status() != DemandStatus.APPROVED) {
                problems.add(new Problem("demandIds", "employment.error.link.notOpen",
                        d == null ? String.valueOf(id) : d.demandNo()));
            }
            else if (!d.enterpriseCreditCode().equals(c.employerCreditCode())) {
                problems
                    .add(new Problem("demandIds", "employment.error.link.employer", d.demandNo(), d.enterpriseName()));
            }
            else {
                found.add(d);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> linked = new ArrayList<>();
        for (JobDemand d : found) {
            if (store.link(c, d.id(), me.username(), clock.instant())) {
                linked.add(d.demandNo());
            }
        }
        if (!linked.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("demands", String.join(",", linked));
            after.put("employer", c.employerCreditCode());
            audit.record(AuditEvent.of("employment.orderClass.link", "class", c.classNo(), null, after));
        }
        return view(classId);
    }

    /**
     * The enterprise confirms its order class and commits to hire {@code count} trainees
     * by {@code deadline}; confirming again replaces the commitment.
     */
    @Transactional
    public OrderClass commit(long classId, Integer count, LocalDate deadline) {
        CurrentUser me = require(EmploymentPermission.COMMITMENT_WRITE);
        TrainingClass c = visible(me, classId);
        List<Problem> problems = new ArrayList<>();
        if (count == null || count < 1 || count > c.capacity()) {
            problems.add(new Problem("committedCount", "employment.error.commit.count", c.capacity()));
        }
        if (deadline == null) {
            problems.add(new Problem("deadline", "employment.error.required"));
        }
        else if (deadline.isBefore(c.endDate())) {
            problems.add(new Problem("deadline", "employment.error.commit.deadline", c.endDate().toString()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        HireCommitment before = store.commitment(classId).orElse(null);
        String employerName = enterprises.find(c.employerCreditCode())
            .map(e -> e.name())
            .orElse(c.employerName() == null ? c.employerCreditCode() : c.employerName());
        store.commit(c, employerName, count, deadline, me.username(), clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("committed", count);
        after.put("deadline", deadline.toString());
        audit.record(AuditEvent.of("employment.orderClass.commit", "class", c.classNo(),
                before == null ? null
                        : Map.of("committed", before.committedCount(), "deadline", before.deadline().toString()),
                after));
        return view(classId);
    }

    /**
     * The enterprise records whom it hired from the class: completed enrolments of its
     * roster, on a day not before they completed nor after today. Anyone else is refused
     * with the reason and nothing is recorded; a person already recorded changes nothing.
     * Returns how many hires are new.
     */
    @Transactional
    public int recordHires(long classId, Collection<Long> enrolmentIds, LocalDate hiredOn) {
        CurrentUser me = require(EmploymentPermission.COMMITMENT_WRITE);
        TrainingClass c = visible(me, classId);
        HireCommitment m = store.commitment(classId).orElse(null);
        if (m == null) {
            throw InvalidInputException.of("classId", "employment.error.hire.noCommitment");
        }
        List<Problem> problems = new ArrayList<>();
        if (enrolmentIds == null || enrolmentIds.isEmpty()) {
            problems.add(new Problem("enrolmentIds", "employment.error.hire.none"));
        }
        LocalDate today = LocalDate.now(clock.withZone(JobDemands.CHINA));
        if (hiredOn == null) {
            problems.add(new Problem("hiredOn", "employment.error.required"));
        }
        else if (hiredOn.isAfter(today)) {
            problems.add(new Problem("hiredOn", "employment.error.hire.future"));
        }
        Map<Long, CompletedTraining> completed = enrolments.completedTrainingsOfClass(classId)
            .stream()
            .collect(Collectors.toMap(CompletedTraining::enrolmentId, Function.identity()));
        Set<Long> ids = enrolmentIds == null ? Set.of() : new LinkedHashSet<>(enrolmentIds);
        for (Long id : ids) {
            CompletedTraining t = id == null ? null : completed.get(id);
            if (t == null) {
                problems.add(new Problem("enrolmentIds", "employment.error.hire.notOnRoster", String.valueOf(id),
                        c.classNo()));
            }
            else if (hiredOn != null && hiredOn.isBefore(t.completedOn())) {
                problems.add(new Problem("hiredOn", "employment.error.hire.beforeCompletion", String.valueOf(id),
                        t.completedOn().toString()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<Long> already = store.hires(classId)
            .stream()
            .map(OrderClassStore.HireRow::enrolmentId)
            .collect(Collectors.toSet());
        List<Long> added = new ArrayList<>();
        for (Long id : ids) {
            if (!already.contains(id)) {
                store.hire(m, id, completed.get(id).personId(), hiredOn, me.username(), clock.instant());
                added.add(id);
            }
        }
        if (!added.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("enrolments", added.stream().map(String::valueOf).collect(Collectors.joining(",")));
            after.put("hiredOn", hiredOn.toString());
            audit.record(AuditEvent.of("employment.orderClass.hire", "class", c.classNo(), null, after));
        }
        return added.size();
    }

    /**
     * Unscoped, for the outcome indicators: committed and hired per class, for the
     * classes given that have a commitment.
     */
    @Transactional(readOnly = true)
    public Map<Long, Fulfilment> fulfilment(Collection<Long> classIds) {
        return store.fulfilment("class_id", classIds, Long.class);
    }

    /** Unscoped: committed and hired summed over each provider's order classes. */
    @Transactional(readOnly = true)
    public Map<Long, Fulfilment> byProvider(Collection<Long> providerIds) {
        return store.fulfilment("provider_id", providerIds, Long.class);
    }

    /** Unscoped: committed and hired summed over each enterprise's order classes. */
    @Transactional(readOnly = true)
    public Map<String, Fulfilment> byEnterprise(Collection<String> creditCodes) {
        return store.fulfilment("employer_credit_code", creditCodes, String.class);
    }

    /**
     * Unscoped: the employer (credit code) of each of the classes given that is linked to
     * a demand, for retention with the order-class employer.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> employerOf(Collection<Long> classIds) {
        return store.employers(classIds);
    }

    /** Unscoped, for employment services: the people hired through order classes. */
    Set<Long> hiredPeople(Collection<Long> personIds) {
        return store.hiredPeople(personIds);
    }

}
