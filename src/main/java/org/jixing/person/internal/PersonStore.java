package org.jixing.person.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.person.GroupMembership;
import org.jixing.person.MembershipChannel;
import org.jixing.person.Person;
import org.jixing.shared.bulk.BulkWriter;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for people and their groups. Only ciphers, blind indexes and masks are stored. */
@Repository
public class PersonStore {

    /**
     * Region officers see the people their region registered; a trainee sees themself.
     */
    public static final ScopeColumns SCOPE = ScopeColumns.create().region("p.region_code").person("p.id");

    private static final String COLUMNS = """
            p.id, p.id_number_masked, p.name, p.gender, p.birth_date, p.phone_masked, p.region_code, p.version""";

    private static final List<String> PERSON_COLUMNS = List.of("id_number_cipher", "id_number_index",
            "id_number_masked", "name", "gender", "birth_date", "phone_cipher", "phone_index", "phone_masked",
            "region_code", "created_at", "version");

    private static final List<String> GROUP_COLUMNS = List.of("person_id", "group_code", "evidence", "valid_from",
            "valid_until", "recorded_by", "recorded_at", "recorder_role", "channel");

    private final JdbcClient jdbc;

    private final BulkWriter bulk;

    PersonStore(JdbcClient jdbc, BulkWriter bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /**
     * A person to register in bulk: the ID number and phone sealed (cipher, blind index,
     * masked), the gender and birth date the number gives.
     */
    public record NewPersonRow(Sealed idNumber, String name, String gender, LocalDate birthDate, Sealed phone,
            String regionCode, Instant createdAt) {
    }

    /** A group membership to record in bulk, with who recorded it, as what and how. */
    public record NewGroupRow(long personId, String groupCode, String evidence, LocalDate validFrom,
            LocalDate validUntil, String recordedBy, Instant recordedAt, String recorderRole, String channel) {
    }

    public void insertAll(List<NewPersonRow> rows) {
        // The bulk writer takes rows in the order of the columns.
        bulk.write("person", PERSON_COLUMNS,
                rows.stream()
                    .map(r -> new Object[] { r.idNumber().cipher(), r.idNumber().index(), r.idNumber().masked(),
                            r.name(), r.gender(), r.birthDate(), r.phone().cipher(), r.phone().index(),
                            r.phone().masked(), r.regionCode(), r.createdAt(), 0 })
                    .toList());
    }

    public void insertGroups(List<NewGroupRow> rows) {
        bulk.write("person_group", GROUP_COLUMNS,
                rows.stream()
                    .map(r -> new Object[] { r.personId(), r.groupCode(), r.evidence(), r.validFrom(), r.validUntil(),
                            r.recordedBy(), r.recordedAt(), r.recorderRole(), r.channel() })
                    .toList());
    }

    /** Person ids by blind index, for those of the given indexes that are registered. */
    public Map<String, Long> idsByIndex(Collection<String> indexes) {
        Map<String, Long> ids = new HashMap<>();
        List<String> all = List.copyOf(indexes);
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("select id_number_index, id from person where id_number_index = any(:i)")
                .param("i", all.subList(from, Math.min(all.size(), from + 1000)).toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2)))
                .list();
        }
        return ids;
    }

    /** The blind index of each of these people's ID numbers, by person id. */
    public Map<Long, String> indexesById(Collection<Long> ids) {
        Map<Long, String> indexes = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("select id, id_number_index from person where id = any(:i)")
                .param("i", all.subList(from, Math.min(all.size(), from + 1000)).toArray(Long[]::new))
                .query((rs, n) -> indexes.put(rs.getLong(1), rs.getString(2)))
                .list();
        }
        return indexes;
    }

    public record Sealed(String cipher, String index, String masked) {
    }

    public long insert(Sealed idNumber, Sealed phone, String name, boolean male, LocalDate birthDate, String region,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into person (id_number_cipher, id_number_index, id_number_masked, name, gender, birth_date,
                  phone_cipher, phone_index, phone_masked, region_code, created_at, version)
                values (:idc, :idi, :idm, :name, :gender, :birth, :pc, :pi, :pm, :region, :now, 0)""")
            .param("idc", idNumber.cipher())
            .param("idi", idNumber.index())
            .param("idm", idNumber.masked())
            .param("name", name)
            .param("gender", male ? "M" : "F")
            .param("birth", Date.valueOf(birthDate))
            .param("pc", phone == null ? null : phone.cipher())
            .param("pi", phone == null ? null : phone.index())
            .param("pm", phone == null ? null : phone.masked())
            .param("region", region)
            .param("now", Timestamp.from(now))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Person> findByIndex(String idNumberIndex) {
        return jdbc.sql("select " + COLUMNS + " from person p where p.id_number_index = :i")
            .param("i", idNumberIndex)
            .query(PersonStore::map)
            .optional();
    }

    public Optional<Person> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " from person p where p.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query(PersonStore::map)
            .optional();
    }

    public List<Person> findAll(Collection<Long> ids) {
        // Each id once: the same id in two slices would return its person twice.
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        List<Person> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += 1000) {
            found.addAll(jdbc.sql("select " + COLUMNS + " from person p where p.id = any(:ids)")
                .param("ids", all.subList(from, Math.min(all.size(), from + 1000)).toArray(Long[]::new))
                .query(PersonStore::map)
                .list());
        }
        return found;
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from person where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    public String idNumberCipher(long id) {
        return jdbc.sql("select id_number_cipher from person where id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    }

    /** The sealed ID numbers of these people, by person id, in chunks of a thousand. */
    public Map<Long, String> idNumberCiphers(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("select id, id_number_cipher from person where id = any(:ids)")
                .param("ids", all.subList(from, Math.min(all.size(), from + 1000)).toArray(Long[]::new))
                .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2)))
                .list();
        }
        return out;
    }

    /**
     * {@code name} matches a part of the name; {@code idIndex} and {@code phoneIndex}
     * match exactly (they are blind indexes of full numbers).
     */
    public List<Person> search(String name, String idIndex, String phoneIndex, ScopeSql.Clause scope, int offset,
            int limit) {
        var where = where(name, idIndex, phoneIndex, scope);
        return jdbc
            .sql("select " + COLUMNS + " from person p where " + where.sql()
                    + " order by p.name, p.id offset :off rows fetch next :lim rows only")
            .params(where.params())
            .param("off", offset)
            .param("lim", limit)
            .query(PersonStore::map)
            .list();
    }

    /** A person for an export: the record and, sealed, the full ID number. */
    public record Exported(Person person, String idNumberCipher, Instant registeredAt) {
    }

    /**
     * The next people of a search after a person id, in id order (keyset paging, so an
     * export of a whole province reads each row once).
     */
    public List<Exported> exportPage(String name, String idIndex, String phoneIndex, ScopeSql.Clause scope,
            long afterId, int limit) {
        var where = where(name, idIndex, phoneIndex, scope);
        return jdbc
            .sql("select " + COLUMNS + ", p.id_number_cipher, p.created_at from person p where " + where.sql()
                    + " and p.id > :after order by p.id fetch next :lim rows only")
            .params(where.params())
            .param("after", afterId)
            .param("lim", limit)
            .query((rs, n) -> new Exported(map(rs, n), rs.getString("id_number_cipher"),
                    rs.getTimestamp("created_at").toInstant()))
            .list();
    }

    public long count(String name, String idIndex, String phoneIndex, ScopeSql.Clause scope) {
        var where = where(name, idIndex, phoneIndex, scope);
        return jdbc.sql("select count(*) from person p where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    }

    private static ScopeSql.Clause where(String name, String idIndex, String phoneIndex, ScopeSql.Clause scope) {
        ScopeSql.Conditions where = ScopeSql.conditions(scope);
        if (name != null && !name.isBlank()) {
            where.and("p.name like :name", "name", "%" + name.strip().replace("%", "").replace("_", "") + "%");
        }
        if (idIndex != null) {
            where.and("p.id_number_index = :idi", "idi", idIndex);
        }
        if (phoneIndex != null) {
            where.and("p.phone_index = :pi", "pi", phoneIndex);
        }
        return where.clause();
    }

    public long insertGroup(long personId, String group, String evidence, LocalDate from, LocalDate until, String by,
            Instant at, Role role, MembershipChannel channel) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into person_group (person_id, group_code, evidence, valid_from, valid_until, recorded_by,
                  recorded_at, recorder_role, channel) values (:p, :g, :e, :f, :u, :by, :at, :role, :channel)""")
            .param("role", role.name())
            .param("channel", channel.name())
            .param("p", personId)
            .param("g", group)
            .param("e", evidence)
            .param("f", Date.valueOf(from))
            .param("u", until == null ? null : Date.valueOf(until))
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<GroupMembership> groups(long personId) {
        return groupsOf(List.of(personId)).getOrDefault(personId, List.of());
    }

    private static final String GROUP_SELECT = """
            select person_id, id, group_code, evidence, valid_from, valid_until, recorded_by, recorder_role, channel
            from person_group""";

    /** The memberships of many people, in chunks of a thousand. */
    public Map<Long, List<GroupMembership>> groupsOf(Collection<Long> personIds) {
        Map<Long, List<GroupMembership>> out = new HashMap<>();
        List<Long> all = List.copyOf(personIds);
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql(GROUP_SELECT + " where person_id = any(:p) order by valid_from, id")
                .param("p", all.subList(from, Math.min(all.size(), from + 1000)).toArray(Long[]::new))
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(membership(rs)))
                .list();
        }
        return out;
    }

    private static GroupMembership membership(ResultSet rs) throws SQLException {
        String role = rs.getString(8);
        return new GroupMembership(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7),
                role == null ? null : Role.valueOf(role), MembershipChannel.valueOf(rs.getString(9)));
    }

    static Person map(ResultSet rs, int n) throws SQLException {
        return new Person(rs.getLong("id"), rs.getString("id_number_masked"), rs.getString("name"),
                "M".equals(rs.getString("gender")), rs.getDate("birth_date").toLocalDate(),
                rs.getString("phone_masked"), rs.getString("region_code"), rs.getInt("version"));
    }

}
