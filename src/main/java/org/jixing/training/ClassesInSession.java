package org.jixing.training;

import java.time.YearMonth;
import java.util.List;

import org.jixing.shared.ProvinceTime;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.internal.ClassMonthStore;
import org.jixing.training.internal.ClassStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read for supervision's monthly inspection sample: the classes of a region that are
 * running in a month.
 */
@Service
public class ClassesInSession {

    private final ClassMonthStore store;

    ClassesInSession(ClassMonthStore store) {
        this.store = store;
    }

    /**
     * The classes of a region (and the regions inside it) that are approved or running
     * and have at least one session starting in the month (province time), ordered by id,
     * in the caller's scope (a class outside it is not listed).
     */
    @Transactional(readOnly = true)
    public List<TrainingClass> inMonth(RegionCode region, YearMonth month) {
        return store.inSession(region.prefix(), month.atDay(1).atStartOfDay(ProvinceTime.CHINA).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ProvinceTime.CHINA).toInstant(),
                ScopeSql.forCurrentUser(ClassStore.SCOPE));
    }

}
