package org.jixing.shared.db;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules the database itself keeps about money and records (issue 16, item 7), as
 * data: the foreign keys and CHECK constraints that {@link V14_0__Integrity_constraints}
 * adds on both databases, and the rules that the vendor migrations V14_1 (PostgreSQL) and
 * V14_2 (H2) keep by trigger. Each rule can say which existing rows break it, so a
 * database with such rows is refused with the rule, the count and the first ids instead
 * of an obscure constraint error. docs/integrity.md lists them with what H2 does not
 * enforce.
 */
final class IntegrityRules {

    private IntegrityRules() {
    }

    /** A rule and the query that finds the ids of the rows breaking it. */
    record Rule(String name, String description, String offenders) {
    }

    /** A reference from a module's table to the upstream table it names by key. */
    record ForeignKey(String table, String column, String parent, String parentColumn) {

        String name() {
            return table + "_" + column + "_fk";
        }

        String ddl() {
            return "ALTER TABLE " + table + " ADD CONSTRAINT " + name() + " FOREIGN KEY (" + column + ") REFERENCES "
                    + parent + " (" + parentColumn + ")";
        }

        Rule rule() {
            return new Rule(name(), table + "." + column + " names a " + parent + " that does not exist",
                    "select " + idOf(table) + " from " + table + " t where t." + column + " is not null and not exists "
                            + "(select 1 from " + parent + " p where p." + parentColumn + " = t." + column + ")");
        }

    }

    /** A CHECK constraint: the condition every row must meet. */
    record Check(String table, String name, String condition, String description) {

        String ddl() {
            return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " CHECK (" + condition + ")";
        }

        Rule rule() {
            return new Rule(name, description,
                    "select " + idOf(table) + " from " + table + " t where not (" + condition + ")");
        }

    }

    /**
     * Tables without an id column name their rows by their key; the others by id.
     */
    private static String idOf(String table) {
        return switch (table) {
            case "subsidy_slot" -> "t.person_id || '/' || t.training_year || '/' || t.slot";
            case "subsidised_qualification" -> "t.person_id || '/' || t.occupation_code || '/' || t.level_code";
            case "subsidy_claim_exclusion" -> "t.claim_id || '/' || t.enrolment_id";
            case "provider_payee" -> "t.provider_id";
            case "subsidy_reviewer_conflict" -> "t.username || '/' || t.provider_id";
            case "city_target" -> "t.plan_year || '/' || t.sub_target_code || '/' || t.region_code";
            case "progress_rollup", "progress_group_rollup", "progress_month", "progress_provider_year",
                    "progress_unique" ->
                "t.training_year";
            default -> "t.id";
        };
    }

    private static final String PROVIDERS = "filed_body";

    /**
     * Every reference by key from a module's table to an upstream table. Attendance
     * events are left out on purpose: they keep what arrived, also a session id that
     * matches no session (rejected as UNKNOWN_SESSION), and they are the check-in hot
     * path. Progress rollups are figures recounted from the records, not records.
     */
    static final List<ForeignKey> FOREIGN_KEYS = List.of(
            // training
            new ForeignKey("teacher", "provider_id", PROVIDERS, "id"),
            new ForeignKey("programme", "occupation_code", "occupation", "code"),
            new ForeignKey("programme", "level_code", "skill_level", "code"),
            new ForeignKey("programme", "line_code", "action_line", "code"),
            new ForeignKey("programme", "sub_target_code", "sub_target", "code"),
            new ForeignKey("training_class", "provider_id", PROVIDERS, "id"),
            new ForeignKey("training_class", "occupation_code", "occupation", "code"),
            new ForeignKey("training_class", "level_code", "skill_level", "code"),
            new ForeignKey("training_class", "line_code", "action_line", "code"),
            new ForeignKey("training_class", "sub_target_code", "sub_target", "code"),
            new ForeignKey("enrolment", "person_id", "person", "id"),
            new ForeignKey("enrolment", "provider_id", PROVIDERS, "id"),
            new ForeignKey("subsidy_slot", "person_id", "person", "id"),
            new ForeignKey("subsidised_qualification", "person_id", "person", "id"),
            new ForeignKey("roster_import", "provider_id", PROVIDERS, "id"),
            // person
            new ForeignKey("person_group", "group_code", "trainee_group", "code"),
            // subsidy
            new ForeignKey("subsidy_claim", "class_id", "training_class", "id"),
            new ForeignKey("subsidy_claim", "provider_id", PROVIDERS, "id"),
            new ForeignKey("subsidy_claim", "budget_id", "fund_budget", "id"),
            new ForeignKey("subsidy_claim_line", "enrolment_id", "enrolment", "id"),
            new ForeignKey("subsidy_claim_line", "person_id", "person", "id"),
            new ForeignKey("subsidy_claim_exclusion", "enrolment_id", "enrolment", "id"),
            new ForeignKey("subsidy_claim_exclusion", "person_id", "person", "id"),
            new ForeignKey("provider_payee", "provider_id", PROVIDERS, "id"),
            new ForeignKey("subsidy_reviewer_conflict", "provider_id", PROVIDERS, "id"),
            new ForeignKey("ledger_transaction", "claim_id", "subsidy_claim", "id"),
            new ForeignKey("ledger_transaction", "payment_line_id", "payment_line", "id"),
            new ForeignKey("ledger_transaction", "recovery_id", "recovery_order", "id"),
            new ForeignKey("recovery_order", "provider_id", PROVIDERS, "id"),
            // certification
            new ForeignKey("assessment_batch", "evaluation_body_id", PROVIDERS, "id"),
            new ForeignKey("assessment_candidate", "person_id", "person", "id"),
            new ForeignKey("assessment_candidate", "enrolment_id", "enrolment", "id"),
            new ForeignKey("assessment_result", "person_id", "person", "id"),
            new ForeignKey("direct_recognition", "person_id", "person", "id"),
            new ForeignKey("direct_recognition", "evaluation_body_id", PROVIDERS, "id"),
            new ForeignKey("certificate", "person_id", "person", "id"),
            new ForeignKey("certificate", "evaluation_body_id", PROVIDERS, "id"),
            new ForeignKey("certificate", "batch_id", "assessment_batch", "id"),
            new ForeignKey("certificate", "result_id", "assessment_result", "id"),
            new ForeignKey("certificate", "occupation_code", "occupation", "code"),
            new ForeignKey("certificate", "level_code", "skill_level", "code"),
            // statistics
            new ForeignKey("city_target", "sub_target_code", "sub_target", "code"));

    static final List<Check> CHECKS = List.of(
            new Check("enrolment", "enrolment_completed_on_ck", "status <> 'COMPLETED' OR completed_on IS NOT NULL",
                    "an enrolment is COMPLETED without a completion date"),
            new Check("progress_rollup", "progress_rollup_completions_ck", "completions >= 0",
                    "a progress rollup is negative"),
            new Check("progress_group_rollup", "progress_group_rollup_completions_ck", "completions >= 0",
                    "a progress rollup by trainee group is negative"),
            new Check("progress_month", "progress_month_completions_ck", "completions >= 0",
                    "a monthly progress summary is negative"),
            new Check("progress_provider_year", "progress_provider_year_completions_ck", "completions >= 0",
                    "a provider's yearly progress summary is negative"),
            new Check("progress_unique", "progress_unique_persons_ck", "persons >= 0",
                    "a count of unique persons is negative"));

    /**
     * The rules the vendor migrations keep by trigger (deferred to the commit on
     * PostgreSQL), as queries for the rows that break them.
     */
    static final List<Rule> TRIGGER_RULES = List.of(
            new Rule("subsidy_claim_total", "a claim's total is not the sum of its lines", """
                    select c.id from subsidy_claim c where c.amount_fen <> (select coalesce(sum(l.amount_fen), 0)
                    from subsidy_claim_line l where l.claim_id = c.id)"""),
            new Rule("subsidy_claim_paid", "a claim is PAID without a paid payment line of its amount", """
                    select c.id from subsidy_claim c where c.status = 'PAID' and not exists (select 1 from
                    payment_line p where p.claim_id = c.id and p.status = 'PAID' and p.amount_fen = c.amount_fen)"""),
            new Rule("enrolment_subsidy_held",
                    "a subsidised enrolment holds no subsidy slot of its year or no qualification of its class", """
                            select e.id from enrolment e join training_class c on c.id = e.class_id
                            where e.subsidised and e.status <> 'WITHDRAWN' and (not exists (select 1 from subsidy_slot s
                              where s.enrolment_id = e.id and s.person_id = e.person_id
                              and s.training_year = extract(year from c.start_date))
                            or not exists (select 1 from subsidised_qualification q where q.enrolment_id = e.id
                              and q.person_id = e.person_id and q.occupation_code = c.occupation_code
                              and q.level_code = c.level_code))"""),
            new Rule("ledger_transaction_balanced",
                    "a ledger transaction's postings do not sum to zero or do not move its amount",
                    """
                            select t.id from ledger_transaction t where
                              (select coalesce(sum(p.amount_fen), 0) from ledger_posting p where p.transaction_id = t.id) <> 0
                              or (select coalesce(sum(p.amount_fen), 0) from ledger_posting p
                                where p.transaction_id = t.id and p.amount_fen > 0) <> t.amount_fen"""),
            new Rule("training_class_capacity", "a class's roster is larger than its capacity", """
                    select c.id from training_class c where c.capacity < (select count(*) from enrolment e
                    where e.class_id = c.id and e.status <> 'WITHDRAWN')"""));

    /** Every rule the V14 migrations add, in the order they are checked. */
    static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        CHECKS.forEach(c -> rules.add(c.rule()));
        FOREIGN_KEYS.forEach(f -> rules.add(f.rule()));
        rules.addAll(TRIGGER_RULES);
        return rules;
    }

}
