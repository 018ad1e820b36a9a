package org.jixing.training.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jixing.shared.db.H2RuleTrigger;

import static org.jixing.shared.db.H2RuleTrigger.queryLong;
import static org.jixing.shared.db.H2RuleTrigger.refuse;

/**
 * The training module's record rules on H2 (migration V14_2; on PostgreSQL V14_1 keeps
 * them with triggers, deferred where rows are written one after the other). H2 cannot
 * defer a check to the commit and an insert is checked row by row, so on H2 a subsidised
 * enrolment must hold its slot and qualification when it becomes subsidised by an update
 * (a new subsidised row is written before its slot and is not checked), and the roster is
 * counted against the capacity when the capacity is lowered or a withdrawn trainee
 * returns (not on every new row: counting the roster per inserted row would make a
 * 100,000-row import quadratic; the enrolment service counts it under a lock).
 */
public final class H2TrainingRules {

    private H2TrainingRules() {
    }

    static void requireSubsidyHeld(Connection connection, long enrolment, long person, long classId)
            throws SQLException {
        long slots = queryLong(connection, 0, """
                select count(*) from subsidy_slot s join training_class c on c.id = ?
                where s.enrolment_id = ? and s.person_id = ? and s.training_year = extract(year from c.start_date)""",
                classId, enrolment, person);
        if (slots == 0) {
            throw refuse("enrolment_subsidy_held",
                    "subsidised enrolment " + enrolment + " holds no subsidy slot of its class's year");
        }
        long qualifications = queryLong(connection, 0, """
                select count(*) from subsidised_qualification q join training_class c on c.id = ?
                where q.enrolment_id = ? and q.person_id = ? and q.occupation_code = c.occupation_code
                  and q.level_code = c.level_code""", classId, enrolment, person);
        if (qualifications == 0) {
            throw refuse("enrolment_subsidy_held",
                    "subsidised enrolment " + enrolment + " holds no subsidised qualification of its class");
        }
    }

    /**
     * Before an enrolment changes: one that becomes subsidised (or returns from
     * withdrawal, or moves) must hold its slot and qualification, and one that returns to
     * a roster or moves to another must find a place.
     */
    public static class EnrolmentChange extends H2RuleTrigger {

        @Override
        public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
            long id = newRow.getLong("id");
            long classId = newRow.getLong("class_id");
            boolean withdrawn = "WITHDRAWN".equals(newRow.getString("status"));
            boolean wasWithdrawn = "WITHDRAWN".equals(oldRow.getString("status"));
            boolean moved = changed(oldRow, newRow, "class_id");
            if (newRow.getBoolean("subsidised") && !withdrawn && (!oldRow.getBoolean("subsidised") || wasWithdrawn
                    || moved || changed(oldRow, newRow, "person_id"))) {
                requireSubsidyHeld(connection, id, newRow.getLong("person_id"), classId);
            }
            if (!withdrawn && (wasWithdrawn || moved)) {
                long places = queryLong(connection, 0, "select capacity from training_class where id = ?", classId);
                long others = queryLong(connection, 0,
                        "select count(*) from enrolment where class_id = ? and status <> 'WITHDRAWN' and id <> ?",
                        classId, id);
                if (others + 1 > places) {
                    throw refuse("training_class_capacity",
                            "class " + classId + " has " + places + " places and " + (others + 1) + " on its roster");
                }
            }
        }

    }

    /**
     * A subsidy slot or qualification stays while its enrolment is subsidised and not
     * withdrawn (withdrawal changes the status first, then frees them).
     */
    public static class SubsidyRelease extends H2RuleTrigger {

        @Override
        public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
            long enrolment = oldRow.getLong("enrolment_id");
            long held = queryLong(connection, 0,
                    "select count(*) from enrolment where id = ? and subsidised and status <> 'WITHDRAWN'", enrolment);
            if (held > 0) {
                throw refuse("enrolment_subsidy_held",
                        tableName + " of subsidised enrolment " + enrolment + " stays while it is subsidised");
            }
        }

    }

    /** A class's capacity is never lowered below its roster. */
    public static class ClassCapacity extends H2RuleTrigger {

        @Override
        public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
            int places = newRow.getInt("capacity");
            if (places < oldRow.getInt("capacity")) {
                long id = newRow.getLong("id");
                long roster = queryLong(connection, 0,
                        "select count(*) from enrolment where class_id = ? and status <> 'WITHDRAWN'", id);
                if (roster > places) {
                    throw refuse("training_class_capacity",
                            "class " + id + " has " + places + " places and " + roster + " on its roster");
                }
            }
        }

    }

}
