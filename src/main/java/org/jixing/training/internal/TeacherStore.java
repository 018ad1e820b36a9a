package org.jixing.training.internal;

import java.util.List;
import java.util.Optional;

import org.jixing.training.Teacher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for teachers. */
@Repository
public class TeacherStore {

    private final JdbcClient jdbc;

    TeacherStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long providerId, String name, String qualificationNo) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into teacher (provider_id, name, qualification_no) values (:p, :n, :q)")
            .param("p", providerId)
            .param("n", name)
            .param("q", qualificationNo)
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A teacher with the ID number sealed (encrypted and its blind index). */
    public long insert(long providerId, String name, String qualificationNo, String idNumberCipher,
            String idNumberIndex) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into teacher (provider_id, name, qualification_no, id_number_cipher, id_number_index)
                values (:p, :n, :q, :c, :i)""")
            .param("p", providerId)
            .param("n", name)
            .param("q", qualificationNo)
            .param("c", idNumberCipher)
            .param("i", idNumberIndex)
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean qualificationTaken(String qualificationNo) {
        return jdbc.sql("select count(*) from teacher where qualification_no = :q")
            .param("q", qualificationNo)
            .query(Long.class)
            .single() > 0;
    }

    public Optional<Teacher> find(long id) {
        return jdbc.sql("select id, provider_id, name, qualification_no from teacher where id = :id")
            .param("id", id)
            .query((rs, n) -> new Teacher(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
            .optional();
    }

    /**
     * Locks the teacher's row until the transaction ends, so two classes booking the same
     * teacher are checked for overlap one after the other.
     */
    public void lock(long id) {
        jdbc.sql("select id from teacher where id = :id for update").param("id", id).query(Long.class).optional();
    }

    public List<Teacher> ofProvider(long providerId) {
        return jdbc
            .sql("select id, provider_id, name, qualification_no from teacher where provider_id = :p order by name")
            .param("p", providerId)
            .query((rs, n) -> new Teacher(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
            .list();
    }

}
