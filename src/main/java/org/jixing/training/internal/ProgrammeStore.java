package org.jixing.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jixing.training.DeliveryMode;
import org.jixing.training.NewProgramme;
import org.jixing.training.Programme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the programme catalogue, which every signed-in user may read. */
@Repository
public class ProgrammeStore {

    private static final String COLUMNS = """
            id, code, name_zh, name_en, occupation_code, level_code, hours, delivery_mode, line_code,
            sub_target_code, active, version""";

    private final JdbcClient jdbc;

    ProgrammeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewProgramme p, String lineCode) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into programme (code, name_zh, name_en, occupation_code, level_code, hours, delivery_mode,
                  line_code, sub_target_code, active, version)
                values (:code, :zh, :en, :occ, :lvl, :hours, :mode, :line, :sub, true, 0)""")
            .param("code", p.code().strip())
            .param("zh", p.nameZh().strip())
            .param("en", p.nameEn() == null || p.nameEn().isBlank() ? null : p.nameEn().strip())
            .param("occ", p.occupationCode())
            .param("lvl", p.levelCode())
            .param("hours", p.hours())
            .param("mode", p.deliveryMode().name())
            .param("line", lineCode)
            .param("sub", p.subTargetCode())
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean codeTaken(String code) {
        return jdbc.sql("select count(*) from programme where code = :c")
            .param("c", code.strip())
            .query(Long.class)
            .single() > 0;
    }

    public Optional<Programme> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from programme where id = :id")
            .param("id", id)
            .query(ProgrammeStore::map)
            .optional();
    }

    public List<Programme> list(String lineCode, boolean activeOnly) {
        boolean byLine = lineCode != null && !lineCode.isBlank();
        var spec = jdbc.sql("select " + COLUMNS + " from programme where 1=1" + (byLine ? " and line_code = :line" : "")
                + (activeOnly ? " and active = true" : "") + " order by line_code, code");
        if (byLine) {
            spec = spec.param("line", lineCode);
        }
        return spec.query(ProgrammeStore::map).list();
    }

    static Programme map(ResultSet rs, int n) throws SQLException {
        return new Programme(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("occupation_code"), rs.getString("level_code"), rs.getInt("hours"),
                DeliveryMode.valueOf(rs.getString("delivery_mode")), rs.getString("line_code"),
                rs.getString("sub_target_code"), rs.getBoolean("active"), rs.getInt("version"));
    }

}
