package org.jixing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generated province the PostgreSQL benchmarks share (schema
 * {@code jixing_progress_bench}, kept between runs): providers, programmes, completed
 * classes, their enrolments and people, loaded in SQL beside the demo province; and, for
 * the benchmarks that need them, the classes' sessions and the check-ins they imply
 * ({@link #attendance()}). Generated rows' ids start at the bases below, clear of the
 * demo's.
 */
public class GeneratedProvince {

    public static final long CLASS_BASE = 10_000_000L;

    public static final long ENROLMENT_BASE = 100_000_000L;

    public static final long PERSON_BASE = 1_000_000_000L;

    public static final long PROVIDER_BASE = 1_000_000L;

    public static final int PER_CLASS = 40;

    public static final int PROVIDERS_PER_CITY = 200;

    private final JdbcClient jdbc;

    private final PlatformTransactionManager transactions;

    private final List<String> report;

    public GeneratedProvince(JdbcClient jdbc, PlatformTransactionManager transactions, List<String> report) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.report = report;
    }

    /**
     * Loads {@code n} enrolments with their classes, providers, people and the people's
     * trainee-group memberships, unless exactly that many generated enrolments are there
     * already (kept data).
     */
    public void load(long n) {
        long have = jdbc.sql("select count(*) from enrolment where id >= :b")
            .param("b", ENROLMENT_BASE)
            .query(Long.class)
            .single();
        long classes = (n + PER_CLASS - 1) / PER_CLASS;
        long persons = Math.max(PER_CLASS, Math.round(n * 0.6));
        if (have == n) {
            report.add("load: %,d generated enrolments already there (kept from an earlier run): not loaded again"
                .formatted(n));
            describe();
            return;
        }
        long t0 = System.nanoTime();
        List<String> steps = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            step(steps, "generated enrolments of an earlier run removed (with their classes, people and groups)",
                    () -> {
                        removeAttendance();
                        jdbc.sql("delete from enrolment_completion_group where enrolment_id >= :b")
                            .param("b", ENROLMENT_BASE)
                            .update();
                        int removed = jdbc.sql("delete from enrolment where id >= :b")
                            .param("b", ENROLMENT_BASE)
                            .update();
                        jdbc.sql("delete from training_class where id >= :b").param("b", CLASS_BASE).update();
                        jdbc.sql("delete from person_group where person_id >= :b").param("b", PERSON_BASE).update();
                        jdbc.sql("delete from person where id >= :b").param("b", PERSON_BASE).update();
                        return removed;
                    });
            // Secondary indexes and foreign keys are dropped for the load and built
            // again after it (one sort each instead of ten million random insertions),
            // within the transaction: a failed load leaves the schema as it was.
            List<String> rebuild = new ArrayList<>();
            step(steps, "indexes and foreign keys dropped", () -> {
                // The integrity triggers too (docs/integrity.md): the figures' enrolments
                // hold no subsidy slots, and ten million deferred checks are not what
                // this
                // benchmark measures. Back on with the keys, within the transaction.
                jdbc.sql("alter table enrolment disable trigger user").update();
                rebuild.add("alter table enrolment enable trigger user");
                for (String t : List.of("enrolment", "enrolment_completion_group", "person", "person_group")) {
                    for (Map<String, Object> c : jdbc
                        .sql("select conname, pg_get_constraintdef(oid) as def "
                                + "from pg_constraint where conrelid = '" + t + "'::regclass and contype in ('u', 'f')")
                        .query()
                        .listOfRows()) {
                        jdbc.sql("alter table " + t + " drop constraint " + c.get("conname")).update();
                        rebuild.add("alter table " + t + " add constraint " + c.get("conname") + " " + c.get("def"));
                    }
                    for (Map<String, Object> i : jdbc.sql("""
                            select indexname, indexdef from pg_indexes i where schemaname = current_schema()
                            and tablename = '%s' and not exists (select 1 from pg_constraint c
                              where c.conname = i.indexname and c.conrelid = '%s'::regclass)""".formatted(t, t))
                        .query()
                        .listOfRows()) {
                        jdbc.sql("drop index " + i.get("indexname")).update();
                        rebuild.add((String) i.get("indexdef"));
                    }
                }
                return rebuild.size();
            });
            step(steps, "providers (filed bodies), %d a city".formatted(PROVIDERS_PER_CITY), () -> jdbc.sql("""
                    insert into filed_body (id, registry, kind, name, credit_code, region_code, address,
                      legal_representative, contact_name, contact_phone, capacity, filing_no, filing_valid_from,
                      filing_valid_until, status, status_since, created_at, version, public_training_base)
                    select :pbase + c.rn * :per + j, 'PROVIDER',
                      (array['TECHNICAL_COLLEGE','VOCATIONAL_COLLEGE','PRIVATE_INSTITUTION','ENTERPRISE',
                        'PUBLIC_TRAINING_BASE'])[1 + j % 5],
                      c.name_zh || '基准职业培训学校' || (j + 1) || '号', 'PB' || lpad((c.rn * :per + j)::text, 16, '0'),
                      c.code, c.name_zh || '基准路' || (j + 1) || '号', '基准法人', '基准联系人',
                      '199' || lpad((c.rn * 1000 + j)::text, 8, '0'), 500, 'PB-' || c.code || '-' || j,
                      date '2024-01-01', date '2028-12-31', 'ACTIVE', now(), now(), 0, j % 5 = 4
                    from (select code, name_zh, (row_number() over (order by code))::int - 1 as rn
                          from region where level = 'CITY') c
                    cross join generate_series(0, :per - 1) j
                    on conflict do nothing""").param("pbase", PROVIDER_BASE).param("per", PROVIDERS_PER_CITY).update());
            step(steps, "programmes: every occupation × its line's sub-targets",
                    () -> jdbc
                        .sql("""
                                insert into programme (code, name_zh, occupation_code, level_code, hours, delivery_mode, line_code,
                                  sub_target_code)
                                select 'PB-' || s.code || '-' || o.code, o.name_zh || '（基准）', o.code,
                                  (array['JUNIOR','INTERMEDIATE','SENIOR'])[1 + (row_number() over (order by o.code, s.code))::int % 3],
                                  40, 'IN_PERSON', o.line_code, s.code
                                from occupation o join sub_target s on s.line_code = o.line_code
                                on conflict do nothing""")
                        .update());
            step(steps, "city shares of the targets, 2025 and 2026", () -> jdbc.sql("""
                    insert into city_target (plan_year, sub_target_code, region_code, target, updated_by, updated_at)
                    select y, s.code, c.code, s.annual_target / 16, 'bench', now()
                    from sub_target s cross join region c cross join generate_series(2025, 2026) y
                    where s.annual_target is not null and c.level = 'CITY'
                    on conflict do nothing""").update());
            step(steps, "%,d classes (completed, ending 2025-01-01 to 2026-11-30)".formatted(classes),
                    () -> jdbc
                        .sql("""
                                insert into training_class (id, class_no, provider_id, provider_name, region_code, programme_id,
                                  line_code, sub_target_code, occupation_code, level_code, class_type, subsidised, venue_address,
                                  venue_lat, venue_lng, start_date, end_date, capacity, status, status_since, created_at, version)
                                with p as (select id, occupation_code, level_code, line_code, sub_target_code,
                                             (row_number() over (order by code))::int - 1 as rn from programme where code like 'PB-%'),
                                  pc as (select count(*)::int as n from p),
                                  city as (select code, (row_number() over (order by code))::int - 1 as rn
                                           from region where level = 'CITY'),
                                  cc as (select count(*)::int as n from city),
                                  k as (select k, hashint8extended(k, 11) & 9223372036854775807 as h1,
                                          hashint8extended(k, 12) & 9223372036854775807 as h2,
                                          hashint8extended(k, 13) & 9223372036854775807 as h3,
                                          date '2025-01-01' + ((hashint8extended(k, 14) & 9223372036854775807) % 699)::int as day
                                        from generate_series(0, :classes - 1) k)
                                select :cbase + k.k, 'PB-' || k.k, f.id, f.name, city.code, p.id, p.line_code, p.sub_target_code,
                                  p.occupation_code, p.level_code,
                                  (array['REGULAR','REGULAR','REGULAR','REGULAR','REGULAR','REGULAR','REGULAR','ORDER','POST',
                                    'DIRECTED'])[1 + (k.h2 / 7 % 10)::int],
                                  true, f.address, 36.65, 117.12, greatest(date '2025-01-01', k.day - (3 + (k.h3 / 17 % 28)::int)),
                                  k.day, 60, 'COMPLETED', k.day + time '18:00', k.day - 40 + time '09:00', 0
                                from k cross join pc cross join cc
                                join p on p.rn = k.h1 % pc.n
                                join city on city.rn = k.h3 % cc.n
                                join filed_body f on f.id = :pbase + city.rn * :per + k.h2 % :per""")
                        .param("classes", classes)
                        .param("cbase", CLASS_BASE)
                        .param("pbase", PROVIDER_BASE)
                        .param("per", PROVIDERS_PER_CITY)
                        .update());
            step(steps,
                    ("%,d enrolments (40 a class; %,d persons; 88%% completed on the class's last day, "
                            + "8%% not completed, 4%% withdrawn; 90%% subsidised)")
                        .formatted(n, persons),
                    () -> jdbc
                        .sql("""
                                insert into enrolment (id, class_id, person_id, provider_id, region_code, line_code, subsidised,
                                  ineligible_reasons, status, token, enrolled_by, enrolled_at, version, completed_on)
                                select :ebase + i.i, c.id, :personBase + i.i % :persons, c.provider_id, c.region_code, c.line_code,
                                  x.subsidised, case when not x.subsidised then '本年度已享受三次补贴' end, x.status,
                                  md5('pb' || i.i), 'bench', c.start_date - 7 + time '10:00', 0,
                                  case when x.status = 'COMPLETED' then c.end_date end
                                from training_class c
                                cross join generate_series(0, :per - 1) j
                                cross join lateral (select (c.id - :cbase) * :per + j as i) i
                                cross join lateral (select
                                    case when (hashint8extended(i.i, 1) & 9223372036854775807) % 100 < 88 then 'COMPLETED'
                                         when (hashint8extended(i.i, 1) & 9223372036854775807) % 100 < 96 then 'NOT_COMPLETED'
                                         else 'WITHDRAWN' end as status,
                                    (hashint8extended(i.i, 2) & 9223372036854775807) % 100 < 90 as subsidised) x
                                where c.id between :cbase and :cbase + :classes - 1 and i.i < :n""")
                        .param("ebase", ENROLMENT_BASE)
                        .param("personBase", PERSON_BASE)
                        .param("persons", persons)
                        .param("cbase", CLASS_BASE)
                        .param("classes", classes)
                        .param("per", PER_CLASS)
                        .param("n", n)
                        .update());
            step(steps, "%,d people (placeholder ciphers: the figures never read them)".formatted(persons),
                    () -> jdbc.sql("""
                            insert into person (id, id_number_cipher, id_number_index, id_number_masked, name, gender,
                              birth_date, region_code, created_at, version)
                            select :personBase + i, 'bench', md5('pb-person' || i), '379901********000X', '基准学员',
                              case when i % 2 = 0 then 'M' else 'F' end, date '1990-01-01' + (i % 7000)::int,
                              '370100', now(), 0
                            from generate_series(0, :persons - 1) i""")
                        .param("personBase", PERSON_BASE)
                        .param("persons", persons)
                        .update());
            step(steps,
                    ("trainee-group memberships (30% of people one group valid since 2024, 5% a second valid "
                            + "only from 2025-07-01: it counts for the classes that start after)"),
                    () -> jdbc.sql("""
                            insert into person_group (person_id, group_code, evidence, valid_from, valid_until,
                              recorded_by, recorded_at, recorder_role, channel)
                            with g as (select array_agg(code order by sort_order) as codes, count(*)::int as n
                                       from trainee_group)
                            select p.id, g.codes[1 + ((h.h2 + s.s * (1 + h.h2 / 13 % (g.n - 1))) % g.n)::int],
                              'bench', case when s.s = 0 then date '2024-01-01' else date '2025-07-01' end, null,
                              'bench', now(), 'CITY_OFFICER', 'DIRECT'
                            from generate_series(:personBase, :personBase + :persons - 1) p(id) cross join g
                            cross join lateral (select hashint8extended(p.id, 3) & 9223372036854775807 as h1,
                                                       hashint8extended(p.id, 4) & 9223372036854775807 as h2) h
                            cross join generate_series(0, 1) s
                            where h.h1 % 100 < 30 and s.s = 0 or h.h1 % 100 < 5 and s.s = 1""")
                        .param("personBase", PERSON_BASE)
                        .param("persons", persons)
                        .update());
            step(steps, "indexes and foreign keys built again", () -> {
                rebuild.forEach(sql -> jdbc.sql(sql).update());
                return rebuild.size();
            });
        });
        for (String t : List.of("training_class", "enrolment", "filed_body", "person", "person_group")) {
            jdbc.sql("select setval(pg_get_serial_sequence('" + t + "', 'id'), (select max(id) from " + t + "))")
                .query(Long.class)
                .single();
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        // As a database in service would be: vacuumed and analysed, not in the middle of
        // the autovacuum that ten million fresh rows set off.
        for (String t : List.of("filed_body", "programme", "city_target", "training_class", "enrolment", "person",
                "person_group")) {
            jdbc.sql("vacuum (analyze) " + t).update();
        }
        double vacuumSeconds = (System.nanoTime() - t1) / 1e9;
        report.add("load: %.1f s in one transaction, then VACUUM (ANALYZE) %.1f s; %.1f s in all".formatted(loadSeconds,
                vacuumSeconds, loadSeconds + vacuumSeconds));
        steps.forEach(s -> report.add("  " + s));
        describe();
    }

    void step(List<String> steps, String what, Supplier<Integer> work) {
        long t0 = System.nanoTime();
        int rows = work.get();
        steps.add("%s: %,d rows, %.1f s".formatted(what, rows, (System.nanoTime() - t0) / 1e9));
    }

    /** What the tables hold. */
    public void describe() {
        Map<String, Object> e = jdbc.sql("""
                select count(*) as enrolments, count(*) filter (where status = 'COMPLETED') as completed,
                  count(*) filter (where status = 'COMPLETED' and subsidised) as subsidised,
                  count(distinct person_id) as persons
                from enrolment""").query().singleRow();
        report.add(("data: %,d classes, %,d enrolments (%,d completed, %,d of them subsidised), %,d distinct persons, "
                + "%,d trainee-group memberships, %,d providers; enrolment with its indexes %s, training_class %s")
            .formatted(count("training_class"), e.get("enrolments"), e.get("completed"), e.get("subsidised"),
                    e.get("persons"), count("person_group"),
                    jdbc.sql("select count(*) from filed_body where registry = 'PROVIDER'").query(Long.class).single(),
                    size("enrolment"), size("training_class")));
    }

    /**
     * The generated classes' sessions and the check-ins they imply, unless they are there
     * already: a teacher for each class and a registered terminal for each provider at
     * the venue; {@code least(5, days)} sessions a class, 09:00 to 17:00 China time on
     * days spread from its first day to its last; one accepted check-in through the
     * provider's terminal for each trainee and session attended, in the 20 minutes before
     * the start, with a face score between 0.80 and 0.99 and a position within about 100
     * m of the venue: a completed trainee attended every session, one not completed every
     * other session, a withdrawn one the first. Indexes of the event table are dropped
     * for the load and built again after it.
     */
    public void attendance() {
        long classes = jdbc.sql("select count(*) from training_class where id >= :b")
            .param("b", CLASS_BASE)
            .query(Long.class)
            .single();
        long have = jdbc.sql("select count(distinct class_id) from class_session where class_id >= :b")
            .param("b", CLASS_BASE)
            .query(Long.class)
            .single();
        if (have == classes) {
            report.add("attendance: sessions of the %,d generated classes already there: not loaded again"
                .formatted(classes));
            describeAttendance();
            return;
        }
        long t0 = System.nanoTime();
        List<String> steps = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            step(steps, "attendance of an earlier run removed", () -> removeAttendance());
            List<String> rebuild = new ArrayList<>();
            step(steps, "attendance_event's indexes and unique constraints dropped", () -> {
                for (Map<String, Object> c : jdbc
                    .sql("select conname, pg_get_constraintdef(oid) as def from pg_constraint "
                            + "where conrelid = 'attendance_event'::regclass and contype in ('u', 'f')")
                    .query()
                    .listOfRows()) {
                    jdbc.sql("alter table attendance_event drop constraint " + c.get("conname")).update();
                    rebuild.add("alter table attendance_event add constraint " + c.get("conname") + " " + c.get("def"));
                }
                for (Map<String, Object> i : jdbc.sql("""
                        select indexname, indexdef from pg_indexes i where schemaname = current_schema()
                        and tablename = 'attendance_event' and not exists (select 1 from pg_constraint c
                          where c.conname = i.indexname and c.conrelid = 'attendance_event'::regclass)""")
                    .query()
                    .listOfRows()) {
                    jdbc.sql("drop index " + i.get("indexname")).update();
                    rebuild.add((String) i.get("indexdef"));
                }
                return rebuild.size();
            });
            step(steps, "a teacher for each class", () -> jdbc.sql("""
                    insert into teacher (id, provider_id, name, qualification_no)
                    select c.id, c.provider_id, '基准教师', 'PB-T-' || c.id
                    from training_class c where c.id >= :b""").param("b", CLASS_BASE).update());
            step(steps, "a registered terminal for each provider", () -> jdbc.sql("""
                    insert into check_in_terminal (id, provider_id, region_code, device_id, active_device_id, name,
                      venue_address, venue_lat, venue_lng, registered_by, registered_at)
                    select f.id, f.id, f.region_code, 'PB-D-' || f.id, 'PB-D-' || f.id, '基准终端', f.address,
                      36.65, 117.12, 'bench', timestamp with time zone '2024-12-01 00:00:00+08'
                    from filed_body f where f.id >= :p and f.registry = 'PROVIDER'""")
                .param("p", PROVIDER_BASE)
                .update());
            step(steps, "sessions, up to 5 a class", () -> jdbc.sql("""
                    insert into class_session (id, class_id, seq, starts_at, ends_at, teacher_id)
                    select c.id * 8 + k, c.id, k + 1,
                      ((c.start_date + k * (c.end_date - c.start_date) / greatest(n.n - 1, 1)) + time '09:00')
                        at time zone 'Asia/Shanghai',
                      ((c.start_date + k * (c.end_date - c.start_date) / greatest(n.n - 1, 1)) + time '17:00')
                        at time zone 'Asia/Shanghai',
                      c.id
                    from training_class c
                    cross join lateral (select least(5, c.end_date - c.start_date + 1) as n) n
                    cross join lateral generate_series(0, n.n - 1) k
                    where c.id >= :b""").param("b", CLASS_BASE).update());
            step(steps,
                    "check-ins: every session of a completed trainee, every other of one not completed, "
                            + "the first of a withdrawn one",
                    () -> jdbc
                        .sql("""
                                insert into attendance_event (id, client_key, session_id, class_id, enrolment_id, provider_id,
                                  region_code, line_code, kind, occurred_at, received_at, device_id, latitude, longitude,
                                  face_score, accepted, recorded_by, device_kind, terminal_id, uploaded_late)
                                select e.id * 8 + s.seq, 'pb-' || (e.id * 8 + s.seq), s.id, c.id, e.id, c.provider_id,
                                  c.region_code, c.line_code, 'CHECK_IN', s.starts_at - make_interval(secs => h.h % 1200),
                                  s.starts_at - make_interval(secs => h.h % 1200 - 2), 'PB-D-' || c.provider_id,
                                  36.65 + (h.h / 1200 % 200 - 100) / 100000.0, 117.12 + (h.h / 240000 % 200 - 100) / 100000.0,
                                  0.8 + (h.h / 48000000 % 190) / 1000.0, true, 'bench', 'TERMINAL', c.provider_id, false
                                from enrolment e
                                join training_class c on c.id = e.class_id
                                join class_session s on s.class_id = c.id
                                cross join lateral (select hashint8extended(e.id * 8 + s.seq, 21) & 9223372036854775807 as h) h
                                where e.id >= :e and (e.status = 'COMPLETED' or e.status = 'NOT_COMPLETED' and s.seq % 2 = 1
                                  or e.status = 'WITHDRAWN' and s.seq = 1)""")
                        .param("e", ENROLMENT_BASE)
                        .update());
            step(steps, "attendance_event's indexes and unique constraints built again", () -> {
                rebuild.forEach(sql -> jdbc.sql(sql).update());
                return rebuild.size();
            });
        });
        for (String t : List.of("teacher", "check_in_terminal", "class_session", "attendance_event")) {
            jdbc.sql("select setval(pg_get_serial_sequence('" + t + "', 'id'), (select max(id) from " + t + "))")
                .query(Long.class)
                .single();
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        for (String t : List.of("teacher", "check_in_terminal", "class_session", "attendance_event")) {
            jdbc.sql("vacuum (analyze) " + t).update();
        }
        report.add("attendance: %.1f s in one transaction, then VACUUM (ANALYZE) %.1f s".formatted(loadSeconds,
                (System.nanoTime() - t1) / 1e9));
        steps.forEach(s -> report.add("  " + s));
        describeAttendance();
    }

    /** Removes the generated classes' check-ins, sessions, teachers and terminals. */
    int removeAttendance() {
        int removed = jdbc.sql("delete from attendance_event where class_id >= :b").param("b", CLASS_BASE).update();
        jdbc.sql("delete from class_session where class_id >= :b").param("b", CLASS_BASE).update();
        jdbc.sql("delete from teacher where id >= :b").param("b", CLASS_BASE).update();
        jdbc.sql("delete from check_in_terminal where provider_id >= :p").param("p", PROVIDER_BASE).update();
        return removed;
    }

    public void describeAttendance() {
        report.add("attendance data: %,d sessions, %,d check-ins; attendance_event with its indexes %s"
            .formatted(count("class_session"), count("attendance_event"), size("attendance_event")));
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    String size(String table) {
        return jdbc.sql("select pg_size_pretty(pg_total_relation_size('" + table + "'))").query(String.class).single();
    }

}
