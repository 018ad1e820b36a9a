package org.jixing.employment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.employment.internal.FollowUpStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the contribution records say of completed enrolments, for other modules (the
 * employment claim, supervision's rule on classes for the unemployed, the figures):
 * unscoped, by enrolment or class, never by a user's request. A month is "employed" when
 * the person has a contribution record of that month (of at least
 * {@code jixing.employment.minimum-base}); "not yet known" until a file of that month was
 * imported after the completion was followed.
 */
@Service
public class EmploymentOutcomes {

    private final FollowUpStore store;

    private final FollowUpProperties properties;

    EmploymentOutcomes(FollowUpStore store, FollowUpProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /**
     * The follow-ups of these enrolments; enrolments not followed (not completed) are
     * absent.
     */
    @Transactional(readOnly = true)
    public List<FollowUp> followUps(Collection<Long> enrolmentIds) {
        return store.rows(enrolmentIds).stream().map(EmploymentOutcomes::followUp).toList();
    }

    /**
     * Of these enrolments, those whose person was employed in some month within
     * {@code months} months after the month the class ended.
     */
    @Transactional(readOnly = true)
    public Set<Long> employedWithin(Collection<Long> enrolmentIds, int months) {
        return store.employedWithin(enrolmentIds, months, properties.minimumBaseFen());
    }

    /**
     * For each followed completion of a class, whether the person contributed (was
     * employed) in a month overlapping the class period.
     */
    @Transactional(readOnly = true)
    public Map<Long, Boolean> contributingDuringClass(long classId) {
        return store.duringClassOfClass(classId);
    }

    /** Of these enrolments, those whose person contributed during the class. */
    @Transactional(readOnly = true)
    public Set<Long> contributingDuringClass(Collection<Long> enrolmentIds) {
        return java.util.stream.Stream.of(followUps(enrolmentIds))
            .flatMap(List::stream)
            .filter(FollowUp::contributingDuringClass)
            .map(FollowUp::enrolmentId)
            .collect(java.util.stream.Collectors.toSet());
    }

    static FollowUp followUp(FollowUpStore.Row r) {
        return new FollowUp(r.enrolmentId(), r.personId(), r.classId(), ContributionMonths.format(r.endMonth()),
                month(r.endMonth() + 3, r.m3(), r.m3Employer(), r.m3Base(), r.orderEmployer()),
                month(r.endMonth() + 6, r.m6(), r.m6Employer(), r.m6Base(), r.orderEmployer()),
                month(r.endMonth() + 12, r.m12(), r.m12Employer(), r.m12Base(), r.orderEmployer()), r.duringClass());
    }

    private static FollowUp.Month month(int monthNo, Integer status, String employer, Long base, String order) {
        FollowUp.Status s = status == null ? FollowUp.Status.NOT_YET_KNOWN
                : status == 1 ? FollowUp.Status.EMPLOYED : FollowUp.Status.NOT_EMPLOYED;
        return new FollowUp.Month(ContributionMonths.format(monthNo), s, employer,
                base == null ? null : BigDecimal.valueOf(base, 2), employer != null && employer.equals(order));
    }

}
