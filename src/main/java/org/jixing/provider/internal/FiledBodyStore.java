package org.jixing.provider.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jixing.provider.BodyFilter;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.provider.FilingApplication;
import org.jixing.provider.FilingStatus;
import org.jixing.provider.Filings;
import org.jixing.provider.Permit;
import org.jixing.provider.Registry;
import org.jixing.provider.StatusChange;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for filed_body and its permits and history. Lists and lookups take the scope
 * clause.
 */
@Repository
public class FiledBodyStore {

    private static final String COLUMNS = """
            b.id, b.registry, b.kind, b.name, b.credit_code, b.region_code, b.address, b.legal_representative,
            b.contact_name, b.contact_phone, b.capacity, b.skill_master_studio, b.public_training_base, b.filing_no,
            b.filing_valid_from, b.filing_valid_until, b.status, b.status_reason, b.status_since, b.created_at,
            b.version""";

    private final JdbcClient jdbc;

    FiledBodyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Registry registry, FilingApplication a, String creditCode, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into filed_body (registry, kind, name, credit_code, region_code, address, legal_representative,
                  contact_name, contact_phone, capacity, skill_master_studio, public_training_base, status,
                  status_since, created_at, version)
                values (:registry, :kind, :name, :credit, :region, :address, :legal, :contact, :phone, :capacity,
                  :studio, :base, 'PENDING', :now, :now, 0)""")
            .param("registry", registry.name())
            .param("kind", a.kind().name())
            .param("name", a.name().strip())
            .param("credit", creditCode)
            .param("region", a.regionCode())
            .param("address", a.address().strip())
            .param("legal", a.legalRepresentative().strip())
            .param("contact", a.contactName().strip())
            .param("phone", a.contactPhone().strip())
            .param("capacity", a.capacity())
            .param("studio", a.skillMasterStudio())
            .param("base", a.filesAsPublicTrainingBase())
            .param("now", Timestamp.from(now))
            .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (Permit p : a.permits()) {
            jdbc.sql("insert into filed_body_permit (body_id, occupation_code, level_code) values (:id, :o, :l)")
                .param("id", id)
                .param("o", p.occupationCode())
                .param("l", p.levelCode())
                .update();
        }
        return id;
    }

    public boolean creditCodeTaken(Registry registry, String creditCode) {
        return jdbc.sql("select count(*) from filed_body where registry = :r and credit_code = :c")
            .param("r", registry.name())
            .param("c", creditCode)
            .query(Long.class)
            .single() > 0;
    }

    public boolean filingNoTaken(Registry registry, String filingNo, long exceptId) {
        return jdbc.sql("select count(*) from filed_body where registry = :r and filing_no = :n and id <> :id")
            .param("r", registry.name())
            .param("n", filingNo)
            .param("id", exceptId)
            .query(Long.class)
            .single() > 0;
    }

    public Optional<FiledBody> find(Registry registry, long id, ScopeSql.Clause scope) {
        return jdbc
            .sql("select " + COLUMNS + " from filed_body b where b.id = :id and b.registry = :r and " + scope.sql())
            .param("id", id)
            .param("r", registry.name())
            .params(scope.params())
            .query((rs, n) -> map(rs, List.of()))
            .optional()
            .map(this::withPermits);
    }

    /** Unscoped: for rules other modules check (may this provider open a class?). */
    public Optional<FiledBody> find(Registry registry, long id) {
        return find(registry, id, ScopeSql.UNSCOPED);
    }

    /** The names of bodies by id, in one statement; unknown ids are left out. */
    public Map<Long, String> names(Registry registry, Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from filed_body where id = any(:ids) and registry = :r")
            .param("ids", ids.toArray(Long[]::new))
            .param("r", registry.name())
            .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
            .list();
        return names;
    }

    public boolean exists(Registry registry, long id) {
        return jdbc.sql("select count(*) from filed_body where id = :id and registry = :r")
            .param("id", id)
            .param("r", registry.name())
            .query(Long.class)
            .single() > 0;
    }

    public List<FiledBody> search(Registry registry, BodyFilter filter, ScopeSql.Clause scope, int offset, int limit) {
        var where = where(registry, filter, scope);
        return jdbc
            .sql("select " + COLUMNS + " from filed_body b where " + where.sql() + " order by " + filter.orderBy()
                    + " offset :off rows fetch next :lim rows only")
            .params(where.params())
            .param("off", offset)
            .param("lim", limit)
            .query((rs, n) -> map(rs, List.of()))
            .list();
    }

    public long count(Registry registry, BodyFilter filter, ScopeSql.Clause scope) {
        var where = where(registry, filter, scope);
        return jdbc.sql("select count(*) from filed_body b where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    }

    private static ScopeSql.Clause where(Registry registry, BodyFilter f, ScopeSql.Clause scope) {
        ScopeSql.Conditions where = ScopeSql
            .conditions(new ScopeSql.Clause("b.registry = :registry", Map.of("registry", registry.name())))
            .and(scope);
        if (f.status() != null) {
            where.and("b.status = :status", "status", f.status().name());
        }
        if (f.kind() != null) {
            where.and("b.kind = :kind", "kind", f.kind().name());
        }
        if (f.regionCode() != null && !f.regionCode().isBlank()) {
            where.and("b.region_code like :region", "region", new RegionCode(f.regionCode()).prefix() + "%");
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.and("(lower(b.name) like :text or b.credit_code like :code or b.filing_no like :code)");
            String t = f.text().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
            where.param("text", "%" + t + "%");
            where.param("code", t.toUpperCase(Locale.ROOT) + "%");
        }
        return where.clause();
    }

    /**
     * Bodies of a registry filed on a day, by kind: approved by the end of that day (by
     * the status history, not by the "valid from" date the approver entered), the last
     * status decided by then the approval or a reinstatement (a body suspended since
     * still counts for that day), and the filing valid that day. How many of each kind
     * carry the skill-master studio mark, and how many are public training bases (by
     * kind). In a scope.
     */
    public Map<BodyKind, Filings.Filed> filedOn(Registry registry, LocalDate day, Instant endOfDay,
            ScopeSql.Clause scope) {
        Map<BodyKind, Filings.Filed> out = new EnumMap<>(BodyKind.class);
        jdbc.sql("""
                select b.kind, count(*), count(case when b.skill_master_studio then 1 end),
                  count(case when b.kind = 'PUBLIC_TRAINING_BASE' then 1 end)
                from filed_body b
                where b.registry = :registry
                  and b.filing_valid_from <= :day and (b.filing_valid_until is null or b.filing_valid_until >= :day)
                  and (select s.status from filed_body_status_change s
                      where s.body_id = b.id and s.decided_at < :end
                      order by s.decided_at desc, s.id desc fetch first 1 rows only) = 'ACTIVE'""" + " and "
                + scope.sql() + " group by b.kind")
            .param("registry", registry.name())
            .param("day", Date.valueOf(day))
            .param("end", Timestamp.from(endOfDay))
            .params(scope.params())
            .query((rs, n) -> out.put(BodyKind.valueOf(rs.getString(1)),
                    new Filings.Filed(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
            .list();
        return out;
    }

    /**
     * Moves a body to a new status if nobody changed it since {@code version}; returns
     * false when somebody did.
     */
    public boolean changeStatus(long id, int version, FilingStatus status, String reason, Instant now, String filingNo,
            LocalDate validFrom, LocalDate validUntil) {
        String filing = filingNo == null ? ""
                : ", filing_no = :no, filing_valid_from = :from, filing_valid_until = :until";
        var spec = jdbc
            .sql("update filed_body set status = :status, status_reason = :reason, status_since = :now, "
                    + "version = version + 1" + filing + " where id = :id and version = :version")
            .param("status", status.name())
            .param("reason", reason)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .param("version", version);
        if (filingNo != null) {
            spec = spec.param("no", filingNo)
                .param("from", Date.valueOf(validFrom))
                .param("until", validUntil == null ? null : Date.valueOf(validUntil));
        }
        return spec.update() == 1;
    }

    public void recordStatusChange(long id, FilingStatus status, String reason, String by, Instant at) {
        jdbc.sql("""
                insert into filed_body_status_change (body_id, status, reason, decided_by, decided_at)
                values (:id, :status, :reason, :by, :at)""")
            .param("id", id)
            .param("status", status.name())
            .param("reason", reason)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
    }

    public List<StatusChange> history(long id) {
        return jdbc.sql("""
                select status, reason, decided_by, decided_at from filed_body_status_change
                where body_id = :id order by decided_at, id""")
            .param("id", id)
            .query((rs, n) -> new StatusChange(FilingStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
            .list();
    }

    private FiledBody withPermits(FiledBody b) {
        List<Permit> permits = jdbc
            .sql("select occupation_code, level_code from filed_body_permit where body_id = :id "
                    + "order by occupation_code, level_code")
            .param("id", b.id())
            .query((rs, n) -> new Permit(rs.getString(1), rs.getString(2)))
            .list();
        return new FiledBody(b.id(), b.registry(), b.kind(), b.name(), b.creditCode(), b.regionCode(), b.address(),
                b.legalRepresentative(), b.contactName(), b.contactPhone(), b.capacity(), b.skillMasterStudio(),
                b.publicTrainingBase(), b.filingNo(), b.filingValidFrom(), b.filingValidUntil(), b.status(),
                b.statusReason(), b.statusSince(), b.createdAt(), b.version(), new ArrayList<>(permits));
    }

    private static FiledBody map(ResultSet rs, List<Permit> permits) throws SQLException {
        Date from = rs.getDate("filing_valid_from");
        Date until = rs.getDate("filing_valid_until");
        return new FiledBody(rs.getLong("id"), Registry.valueOf(rs.getString("registry")),
                BodyKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("credit_code"),
                rs.getString("region_code"), rs.getString("address"), rs.getString("legal_representative"),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getInt("capacity"),
                rs.getBoolean("skill_master_studio"), rs.getBoolean("public_training_base"), rs.getString("filing_no"),
                from == null ? null : from.toLocalDate(), until == null ? null : until.toLocalDate(),
                FilingStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getTimestamp("status_since").toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"), permits);
    }

}
