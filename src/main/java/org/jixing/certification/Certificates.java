package org.jixing.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jixing.certification.internal.CertificateStore;
import org.jixing.reference.Occupation;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.SkillLevel;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates of the eight-level ladder as the caller's scope shows them, and the ladder
 * itself: which level one must hold first, which are above the graded ladder. Issuing is
 * {@link CertificateIssuing}, revoking {@link CertificateRevocation}, the signed tokens
 * and the public check {@link CertificateSignatures}. A level is certified only after the
 * level below it in the same occupation (初级工 and 学徒工 need none) unless directly
 * recognised; 特级技师 and 首席技师 come only from an enterprise's evaluation or direct
 * recognition (or imported from a previous system). See docs/certificates.md.
 */
@Service
public class Certificates {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CertificateStore store;

    private final ReferenceCatalogue catalogue;

    private final ScopeGuard guard;

    private final Clock clock;

    Certificates(CertificateStore store, ReferenceCatalogue catalogue, ScopeGuard guard, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.guard = guard;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** A certificate in the caller's scope, or 404. */
    @Transactional(readOnly = true)
    public Certificate get(long id) {
        return guard.require(store.find(id, ScopeSql.forCurrentUser(CertificateStore.SCOPE)), "certificate", id,
                () -> store.exists(id));
    }

    /** A certificate by its number in the caller's scope, or 404. */
    @Transactional(readOnly = true)
    public Certificate byNumber(String number) {
        String n = number == null ? "" : number.strip().toUpperCase();
        return guard.require(store.findByNumber(n, ScopeSql.forCurrentUser(CertificateStore.SCOPE)), "certificate", n,
                () -> store.existsNumber(n));
    }

    @Transactional(readOnly = true)
    public PageResult<Certificate> search(CertificateFilter filter, int page, int size) {
        CertificateStore.Page p = store.search(filter == null ? CertificateFilter.none() : filter,
                ScopeSql.forCurrentUser(CertificateStore.SCOPE), page, size);
        return new PageResult<>(p.rows(), page, size, p.total());
    }

    /**
     * The levels of an occupation a person holds a valid certificate of (unscoped: for
     * the prerequisites of an assessment).
     */
    @Transactional(readOnly = true)
    public List<String> validLevels(long personId, String occupationCode) {
        return store.validLevels(personId, occupationCode);
    }

    /**
     * Of the given people, those who hold a valid certificate of the occupation and level
     * issued on or after the day: for a subsidy paid on a certificate earned after the
     * training began. Says only yes or no of each, so it needs no scope.
     */
    @Transactional(readOnly = true)
    public Set<Long> holders(Collection<Long> personIds, String occupationCode, String levelCode, LocalDate since) {
        return store.holders(personIds, occupationCode, levelCode, since);
    }

    /**
     * A person's certificates (their ladder and history, revoked ones included) as far as
     * the caller's scope shows them.
     */
    @Transactional(readOnly = true)
    public List<Certificate> ofPerson(long personId) {
        return store.ofPerson(personId, ScopeSql.forCurrentUser(CertificateStore.SCOPE));
    }

    /** The signed-in trainee's own certificates. */
    @Transactional(readOnly = true)
    public List<Certificate> mine() {
        CurrentUser me = CurrentUser.require();
        if (me.scope().kind() != ScopeKind.PERSON || !me.scope().ref().matches("\\d{1,18}")) {
            return List.of();
        }
        return ofPerson(Long.parseLong(me.scope().ref()));
    }

    /** Whether the signed-in user may revoke this certificate. */
    public boolean mayRevoke(Certificate c) {
        return c.valid() && CurrentUser.current()
            .map(u -> u.hasRole(Role.PROVINCE_ADMIN)
                    || (u.hasRole(Role.EVALUATOR) && u.scope().ref().equals(String.valueOf(c.evaluationBodyId()))))
            .orElse(false);
    }

    /** The levels in rank order. */
    public List<SkillLevel> levels() {
        return catalogue.skillLevels().stream().sorted(Comparator.comparingInt(SkillLevel::rank)).toList();
    }

    /** The occupation of a code, if the catalogue has it. */
    public Optional<Occupation> occupation(String code) {
        return code == null ? Optional.empty() : catalogue.occupation(code);
    }

    public Optional<SkillLevel> level(String code) {
        return code == null ? Optional.empty()
                : catalogue.skillLevels().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The rank of the entry level of the graded ladder (初级工, grade 5). */
    private int entryRank() {
        return catalogue.skillLevels()
            .stream()
            .filter(l -> l.grade() != null)
            .mapToInt(SkillLevel::rank)
            .min()
            .orElse(1);
    }

    /** The level one must hold first: the one directly below, from 中级工 up. */
    public Optional<SkillLevel> prerequisite(SkillLevel level) {
        if (level.rank() <= entryRank()) {
            return Optional.empty();
        }
        return catalogue.skillLevels().stream().filter(l -> l.rank() == level.rank() - 1).findFirst();
    }

    /** 特级技师 and 首席技师: above the graded ladder. */
    public boolean isTop(SkillLevel level) {
        return level.grade() == null && level.rank() > entryRank();
    }

}
