package org.jixing.training.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for what the enrolment rules know of people (subsidy slots of a year, subsidised
 * qualifications, overlapping classes, the roster) and for the subsidy limits the
 * database enforces: the slots and qualifications an enrolment takes and frees.
 */
@Repository
public class EligibilityFactStore {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    EligibilityFactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the eligibility rules need to know of many people at once: the people asked
     * about who are on the roster already, and how many the roster holds in all. Both
     * grow with {@link Facts#enrol} as a bulk roster is built in memory.
     */
    public record Facts(Map<Long, Set<Integer>> usedSlots, Map<Long, OtherClass> sameQualification,
            Map<Long, OtherClass> overlapping, Set<Long> inClass, AtomicInteger rosterSize) {

        /** Counts a person onto the roster being built. */
        public void enrol(long personId) {
            if (inClass.add(personId)) {
                rosterSize.incrementAndGet();
            }
        }

    }

    /**
     * Another class a rule points at: its number, and whose it is, so that an answer
     * names it only to its own provider.
     */
    public record OtherClass(String classNo, long providerId, String regionCode) {
    }

    /**
     * The facts for these people and this class, in two statements per thousand people:
     * the subsidy slots each holds in the class's year, an earlier subsidy of the same
     * occupation and level, another class whose sessions overlap (any standing enrolment:
     * not withdrawn, in a class neither rejected nor cancelled, completed ones included,
     * so live enrolment and recorded history apply one rule), who is on the roster
     * already (withdrawn too: a class takes a person once), and how many the roster holds
     * (not counting the withdrawn).
     */
    public Facts facts(Collection<Long> personIds, long classId, int year, String occupation, String level) {
        Map<Long, Set<Integer>> slots = new HashMap<>();
        Map<Long, OtherClass> same = new HashMap<>();
        Map<Long, OtherClass> overlap = new HashMap<>();
        List<Long> all = List.copyOf(personIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            // One statement for the three per-person rules: a check is one round trip
            // here. Overlaps: a person's completed enrolments count too, so the class's
            // dates rule out most of them before their sessions are compared (on H2 about
            // four times faster than comparing sessions for every earlier enrolment).
            // Each part is driven by the people asked about alone (year,
            // occupation and level are compared here, the classes looked up per row):
            // given more, H2's planner walks whole tables to find them.
            jdbc.sql("""
                    select 'S', person_id, cast(training_year as varchar(12)), null, cast(slot as varchar(12)),
                      cast(null as bigint), cast(null as varchar(6))
                    from subsidy_slot where person_id = any(:p)
                    union all
                    select 'Q', q.person_id, q.occupation_code, q.level_code, (select c.class_no from enrolment e
                      join training_class c on c.id = e.class_id where e.id = q.enrolment_id),
                      (select e.provider_id from enrolment e where e.id = q.enrolment_id),
                      (select e.region_code from enrolment e where e.id = q.enrolment_id)
                    from subsidised_qualification q where q.person_id = any(:p)
                    union all
                    select 'O', e.person_id, null, null,
                      min((select c.class_no from training_class c where c.id = e.class_id)),
                      case when min(e.provider_id) = max(e.provider_id) then min(e.provider_id) else -1 end,
                      case when min(e.region_code) = max(e.region_code) then min(e.region_code) end
                    from enrolment e
                    where e.person_id = any(:p) and e.status <> 'WITHDRAWN' and e.class_id <> :c
                      and exists (select 1 from training_class c where c.id = e.class_id
                        and c.status not in ('REJECTED', 'CANCELLED')
                        and c.start_date <= (select x.end_date from training_class x where x.id = :c)
                        and c.end_date >= (select x.start_date from training_class x where x.id = :c))
                      and exists (select 1 from class_session s join class_session t on t.class_id = :c
                        and s.starts_at < t.ends_at and s.ends_at > t.starts_at where s.class_id = e.class_id)
                    group by e.person_id""")
                .param("p", chunk.toArray(Long[]::new))
                .param("c", classId)
                .query((rs, n) -> {
                    long person = rs.getLong(2);
                    String value = rs.getString(5);
                    switch (rs.getString(1)) {
                        case "S" -> {
                            if (Integer.parseInt(rs.getString(3)) == year) {
                                slots.computeIfAbsent(person, k -> new HashSet<>()).add(Integer.parseInt(value));
                            }
                        }
                        case "Q" -> {
                            if (occupation.equals(rs.getString(3)) && level.equals(rs.getString(4))) {
                                same.put(person, new OtherClass(value, rs.getLong(6), rs.getString(7)));
                            }
                        }
                        default -> overlap.put(person, new OtherClass(value, rs.getLong(6), rs.getString(7)));
                    }
                    return person;
                })
                .list();
        }
        Set<Long> in = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            // By person only (then the class in Java): with the class in the statement H2
            // walks the class's whole roster for every chunk.
            jdbc.sql("select person_id, class_id from enrolment where person_id = any(:p)")
                .param("p", all.subList(from, Math.min(all.size(), from + CHUNK)).toArray(Long[]::new))
                .query((rs, n) -> rs.getLong(2) == classId ? in.add(rs.getLong(1)) : false)
                .list();
        }
        int size = jdbc.sql("select count(*) from enrolment where class_id = :c and status <> 'WITHDRAWN'")
            .param("c", classId)
            .query(Integer.class)
            .single();
        return new Facts(slots, same, overlap, in, new AtomicInteger(size));
    }

    /**
     * Takes the lowest free slot of the year. Returns false when all three are taken; a
     * concurrent enrolment taking the same slot makes one of the two fail on the primary
     * key.
     */
    public boolean takeSlot(long personId, int year, long enrolmentId) {
        List<Integer> used = jdbc.sql("select slot from subsidy_slot where person_id = :p and training_year = :y")
            .param("p", personId)
            .param("y", year)
            .query(Integer.class)
            .list();
        for (int slot = 1; slot <= 3; slot++) {
            if (!used.contains(slot)) {
                jdbc.sql(
                        "insert into subsidy_slot (person_id, training_year, slot, enrolment_id) values (:p, :y, :s, :e)")
                    .param("p", personId)
                    .param("y", year)
                    .param("s", slot)
                    .param("e", enrolmentId)
                    .update();
                return true;
            }
        }
        return false;
    }

    public void takeQualification(long personId, String occupation, String level, long enrolmentId) {
        jdbc.sql("""
                insert into subsidised_qualification (person_id, occupation_code, level_code, enrolment_id)
                values (:p, :o, :l, :e)""")
            .param("p", personId)
            .param("o", occupation)
            .param("l", level)
            .param("e", enrolmentId)
            .update();
    }

    public void releaseSubsidy(long enrolmentId) {
        jdbc.sql("delete from subsidy_slot where enrolment_id = :e").param("e", enrolmentId).update();
        jdbc.sql("delete from subsidised_qualification where enrolment_id = :e").param("e", enrolmentId).update();
    }

}
