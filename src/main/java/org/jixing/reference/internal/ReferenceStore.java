package org.jixing.reference.internal;

import java.util.Map;
import java.util.Optional;

import org.jixing.reference.ReferenceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes to the reference tables; every update checks the row's version. */
@Repository
class ReferenceStore {

    private final JdbcClient jdbc;

    ReferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Integer> version(ReferenceKind kind, String code) {
        return jdbc.sql("select version from " + kind.table() + " where code = :c")
            .param("c", code)
            .query(Integer.class)
            .optional();
    }

    Optional<Map<String, Object>> row(ReferenceKind kind, String code) {
        return jdbc.sql("select * from " + kind.table() + " where code = :c")
            .param("c", code)
            .query()
            .listOfRows()
            .stream()
            .findFirst();
    }

    boolean rename(ReferenceKind kind, String code, String nameZh, String nameEn, int version) {
        return jdbc
            .sql("update " + kind.table()
                    + " set name_zh = :zh, name_en = :en, version = version + 1 where code = :c and version = :v")
            .param("zh", nameZh)
            .param("en", nameEn)
            .param("c", code)
            .param("v", version)
            .update() == 1;
    }

    boolean updateSubTarget(String code, Long annualTarget, boolean atLeast, int version) {
        return jdbc.sql("""
                update sub_target set annual_target = :t, at_least = :a, version = version + 1
                where code = :c and version = :v""")
            .param("t", annualTarget)
            .param("a", atLeast)
            .param("c", code)
            .param("v", version)
            .update() == 1;
    }

    boolean updatePlanTarget(String code, long target, int version) {
        return jdbc.sql("update plan set overall_target = :t, version = version + 1 where code = :c and version = :v")
            .param("t", target)
            .param("c", code)
            .param("v", version)
            .update() == 1;
    }

    boolean updateLineSummary(String code, String summaryZh, String summaryEn, int version) {
        return jdbc.sql("""
                update action_line set summary_zh = :zh, summary_en = :en, version = version + 1
                where code = :c and version = :v""")
            .param("zh", summaryZh)
            .param("en", summaryEn)
            .param("c", code)
            .param("v", version)
            .update() == 1;
    }

    void insertRegion(String code, String nameZh, String nameEn, String level, String parent, int sortOrder) {
        jdbc.sql("""
                insert into region (code, name_zh, name_en, level, parent_code, sort_order, version)
                values (:c, :zh, :en, :level, :parent, :sort, 0)""")
            .param("c", code)
            .param("zh", nameZh)
            .param("en", nameEn)
            .param("level", level)
            .param("parent", parent)
            .param("sort", sortOrder)
            .update();
    }

    boolean nationalCodeTaken(String nationalCode, String exceptCode) {
        return jdbc.sql("select count(*) from occupation where national_code = :n and code <> :c")
            .param("n", nationalCode)
            .param("c", exceptCode)
            .query(Long.class)
            .single() > 0;
    }

    void insertOccupation(String code, String nationalCode, String nameZh, String nameEn, String line, boolean active) {
        jdbc.sql("""
                insert into occupation (code, national_code, name_zh, name_en, line_code, active, version)
                values (:c, :n, :zh, :en, :line, :active, 0)""")
            .param("c", code)
            .param("n", nationalCode)
            .param("zh", nameZh)
            .param("en", nameEn)
            .param("line", line)
            .param("active", active)
            .update();
    }

    /** Updates regardless of version (imports replace the row as the file says). */
    int updateOccupation(String code, String nationalCode, String nameZh, String nameEn, String line, boolean active,
            Integer version) {
        return jdbc
            .sql("update occupation set national_code = :n, name_zh = :zh, name_en = :en, line_code = :line, "
                    + "active = :active, version = version + 1 where code = :c"
                    + (version == null ? "" : " and version = :v"))
            .param("n", nationalCode)
            .param("zh", nameZh)
            .param("en", nameEn)
            .param("line", line)
            .param("active", active)
            .param("c", code)
            .params(version == null ? Map.of() : Map.of("v", version))
            .update();
    }

}
