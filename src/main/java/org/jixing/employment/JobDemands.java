package org.jixing.employment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.employment.internal.DemandStore;
import org.jixing.enterprise.Enterprise;
import org.jixing.enterprise.Enterprises;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.PageResult;
import org.jixing.shared.RegionCode;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job demands (岗位需求): an enterprise, or an employment officer for it, publishes what it
 * wants to hire; the demand's city (or the province) approves or returns it; approved
 * demands are open to providers and, through {@link #openDemands}, the public, until
 * closed. Every step is audited; a stale version or a step from the wrong status is
 * refused.
 */
@Service
public class JobDemands {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final DemandStore store;

    private final Enterprises enterprises;

    private final ReferenceCatalogue reference;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    JobDemands(DemandStore store, Enterprises enterprises, ReferenceCatalogue reference, ScopeGuard guard,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.enterprises = enterprises;
        this.reference = reference;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The demands a user may read: officers their region's, an enterprise its own, a
     * provider the approved ones (to train for them); nobody else any.
     */
    static ScopeSql.Clause readScope(CurrentUser me) {
        if (me.scope().kind() == ScopeKind.PROVIDER) {
            return new ScopeSql.Clause("d.status = 'APPROVED'", Map.of());
        }
        return ScopeSql.forCurrentUser(DemandStore.SCOPE);
    }

    private static CurrentUser require(EmploymentPermission permission) {
        CurrentUser me = CurrentUser.require();
        if (!permission.allows(me)) {
            throw new AccessDeniedException(permission.name());
        }
        return me;
    }

    /** A demand the caller may read, or 404 (and an audited refusal). */
    @Transactional(readOnly = true)
    public JobDemand get(long id) {
        CurrentUser me = require(EmploymentPermission.DEMAND_READ);
        return guard.require(store.find(id, readScope(me)), "employment_demand", id, () -> store.exists(id));
    }

    @Transactional(readOnly = true)
    public PageResult<JobDemand> search(DemandFilter filter, int page, int size) {
        CurrentUser me = require(EmploymentPermission.DEMAND_READ);
        DemandFilter f = filter == null ? DemandFilter.none() : filter;
        ScopeSql.Clause scope = readScope(me);
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 200);
        return new PageResult<>(store.search(f, scope, PageResult.offset(p, s), s), p, s, store.count(f, scope));
    }

    /**
     * Unscoped, for the public portal: approved demands, optionally of one occupation and
     * city, without personal data.
     */
    @Transactional(readOnly = true)
    public PageResult<OpenDemand> openDemands(String occupationCode, String cityCode, int page, int size) {
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 200);
        List<OpenDemand> items = store
            .open(blankToNull(occupationCode), blankToNull(cityCode), PageResult.offset(p, s), s)
            .stream()
            .map(JobDemands::open)
            .toList();
        return new PageResult<>(items, p, s, store.countOpen(blankToNull(occupationCode), blankToNull(cityCode)));
    }

    /** Unscoped, for other steps of this module: approved demands of an occupation. */
    List<JobDemand> approved(String occupationCode, String cityCode, int limit) {
        return store.open(occupationCode, cityCode, 0, limit);
    }

    /**
     * The approved demands of an order class's employer, which its provider may link the
     * class to.
     */
    @Transactional(readOnly = true)
    public List<JobDemand> approvedOf(String creditCode) {
        require(EmploymentPermission.DEMAND_READ);
        return creditCode == null ? List.of() : store.approvedOf(creditCode, 100);
    }

    /** Unscoped, for other steps of this module: a demand whatever the caller's scope. */
    java.util.Optional<JobDemand> findUnscoped(long id) {
        return store.find(id, ScopeSql.UNSCOPED);
    }

    static OpenDemand open(JobDemand d) {
        return new OpenDemand(d.id(), d.demandNo(), d.enterpriseName(), d.occupationCode(), d.levelCode(),
                d.headcount(), d.cityCode(), d.countyCode(), d.wageMin(), d.wageMax(), d.startDate(), d.conditions());
    }

    /**
     * Publishes a demand: an enterprise for itself, an employment officer for a
     * registered enterprise in a city of its scope. Every broken rule is listed.
     */
    @Transactional
    public JobDemand publish(NewDemand n) {
        CurrentUser me = require(EmploymentPermission.DEMAND_PUBLISH);
        List<Problem> problems = new ArrayList<>();
        String creditCode = me.scope().kind() == ScopeKind.ENTERPRISE ? me.scope().ref()
                : UnifiedSocialCreditCode.normalize(n.enterpriseCreditCode());
        Enterprise enterprise = creditCode == null ? null : enterprises.find(creditCode).orElse(null);
        if (enterprise == null) {
            problems.add(new Problem("enterpriseCreditCode", "employment.error.enterprise.unknown"));
        }
        if (n.occupationCode() == null || reference.occupation(n.occupationCode()).filter(o -> o.active()).isEmpty()) {
            problems.add(new Problem("occupationCode", "employment.error.occupation"));
        }
        if (n.levelCode() == null || reference.skillLevels().stream().noneMatch(l -> l.code().equals(n.levelCode()))) {
            problems.add(new Problem("levelCode", "employment.error.level"));
        }
        if (n.headcount() == null || n.headcount() < 1 || n.headcount() > 100_000) {
            problems.add(new Problem("headcount", "employment.error.headcount"));
        }
        Region city = n.cityCode() == null ? null
                : reference.region(n.cityCode()).filter(r -> r.level() == RegionCode.Level.CITY).orElse(null);
        if (city == null) {
            problems.add(new Problem("cityCode", "employment.error.city"));
        }
        else if (me.scope().kind() != ScopeKind.ENTERPRISE && !me.scope().coversRegion(city.code())) {
            problems.add(new Problem("cityCode", "employment.error.city.scope"));
        }
        String county = blankToNull(n.countyCode());
        if (county != null && (city == null || !RegionCode.isWellFormed(county)
                || new RegionCode(county).level() != RegionCode.Level.COUNTY
                || !new RegionCode(city.code()).contains(new RegionCode(county)))) {
            problems.add(new Problem("countyCode", "employment.error.county"));
        }
        checkWages(n.wageMin(), n.wageMax(), problems);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (n.startDate() == null) {
            problems.add(new Problem("startDate", "employment.error.required"));
        }
        else if (n.startDate().isBefore(today)) {
            problems.add(new Problem("startDate", "employment.error.startDate.past"));
        }
        String conditions = blankToNull(n.conditions());
        if (conditions != null && conditions.strip().length() > 2000) {
            problems.add(new Problem("conditions", "employment.error.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        NewDemand clean = new NewDemand(enterprise.creditCode(), n.occupationCode(), n.levelCode(), n.headcount(),
                city.code(), county, n.wageMin(), n.wageMax(), n.startDate(),
                conditions == null ? null : conditions.strip());
        long id = store.insert(clean, enterprise.name(), me.username(), clock.instant());
        JobDemand d = store.find(id, ScopeSql.UNSCOPED).orElseThrow();
        audit.record(AuditEvent.of("employment.demand.publish", "employment_demand", d.demandNo(), null, snapshot(d)));
        return d;
    }

    static void checkWages(BigDecimal min, BigDecimal max, List<Problem> problems) {
        if (min == null || max == null) {
            problems.add(new Problem("wageMin", "employment.error.wage.required"));
        }
        else if (min.signum() < 0 || min.scale() > 2 || max.scale() > 2
                || min.compareTo(new BigDecimal("9999999999")) > 0 || max.compareTo(new BigDecimal("9999999999")) > 0) {
            problems.add(new Problem("wageMin", "employment.error.wage.amount"));
        }
        else if (min.compareTo(max) > 0) {
            problems.add(new Problem("wageMax", "employment.error.wage.order"));
        }
    }

    /**
     * Takes a step of a demand in the caller's scope: the city approves or returns it,
     * the publisher resubmits a returned one, an approved one is closed.
     */
    @Transactional
    public JobDemand decide(long id, int version, DemandDecision decision) {
        if (decision == null) {
            throw InvalidInputException.of("verb", "employment.error.demand.verb");
        }
        CurrentUser me = require(permissionFor(decision));
        JobDemand d = guard.require(store.find(id, ScopeSql.forCurrentUser(DemandStore.SCOPE)), "employment_demand", id,
                () -> store.exists(id));
        if (decision.needsReason() && (decision.reason() == null || decision.reason().isBlank())) {
            throw InvalidInputException.of("reason", "employment.error.reason");
        }
        if (decision.reason() != null && decision.reason().strip().length() > 500) {
            throw InvalidInputException.of("reason", "employment.error.tooLong");
        }
        if (!decision.allowedFrom(d.status())) {
            throw InvalidInputException.of("status", "employment.error.demand.state", d.status().name());
        }
        String reason = decision.reason() == null ? null : decision.reason().strip();
        if (!store.changeStatus(id, version, d.status(), decision.to(), reason, me.username(), clock.instant())) {
            throw InvalidInputException.of("version", "employment.error.stale");
        }
        JobDemand after = store.find(id, ScopeSql.UNSCOPED).orElseThrow();
        Map<String, Object> before = Map.of("status", d.status().name());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("status", after.status().name());
        now.put("reason", reason == null ? "" : reason);
        audit.record(
                AuditEvent.of("employment.demand." + decision.verb(), "employment_demand", d.demandNo(), before, now));
        return after;
    }

    /** Who may take a step: the city decides, the publisher resubmits, several close. */
    static EmploymentPermission permissionFor(DemandDecision decision) {
        if (decision instanceof DemandDecision.Resubmit) {
            return EmploymentPermission.DEMAND_PUBLISH;
        }
        if (decision instanceof DemandDecision.Close) {
            return EmploymentPermission.DEMAND_CLOSE;
        }
        return EmploymentPermission.DEMAND_DECIDE;
    }

    private static Map<String, Object> snapshot(JobDemand d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterprise", d.enterpriseCreditCode());
        m.put("occupation", d.occupationCode());
        m.put("level", d.levelCode());
        m.put("headcount", d.headcount());
        m.put("region", d.regionCode());
        m.put("wageMin", d.wageMin().toPlainString());
        m.put("wageMax", d.wageMax().toPlainString());
        m.put("startDate", d.startDate().toString());
        m.put("status", d.status().name());
        return m;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
