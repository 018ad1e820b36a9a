package org.jixing.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jixing.IntegrationTest;
import org.jixing.shared.bulk.BulkWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk writer (COPY on PostgreSQL, batches on H2) stores every value exactly and
 * writes all or nothing.
 */
class BulkWriterIT extends IntegrationTest {

    @Autowired
    BulkWriter bulk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    static final List<String> COLUMNS = List.of("id", "txt", "flag", "on_day", "at_time", "amount");

    /**
     * Created as the owner: on PostgreSQL the application's role may not create tables.
     */
    @BeforeEach
    void table() {
        asOwner().sql("""
                create table bulk_probe (id bigint primary key, txt varchar(200), flag boolean, on_day date,
                  at_time timestamp with time zone, amount decimal(9,4))""").update();
    }

    @AfterEach
    void drop() {
        asOwner().sql("drop table bulk_probe").update();
    }

    @Test
    void awkwardValuesSurviveTheRoundTrip() {
        Instant at = Instant.parse("2025-03-04T05:06:07.123Z");
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] { 1L, "plain", true, LocalDate.of(2025, 1, 31), at, new BigDecimal("12.3400") });
        rows.add(new Object[] { 2L, "quote \" comma , newline \n end", false, null, null, null });
        rows.add(new Object[] { 3L, "", null, LocalDate.of(2000, 2, 29), at, new BigDecimal("-0.0001") });
        rows.add(new Object[] { 4L, null, true, null, null, null });
        rows.add(new Object[] { 5L, "中文，「引号」\\反斜杠\t制表", true, null, null, null });
        long written = tx.execute(s -> bulk.write("bulk_probe", COLUMNS, rows));
        assertThat(written).isEqualTo(5);
        List<Map<String, Object>> back = jdbc.sql("select * from bulk_probe order by id").query().listOfRows();
        assertThat(back).hasSize(5);
        assertThat(back.get(0).get("txt")).isEqualTo("plain");
        assertThat(back.get(0).get("flag")).isEqualTo(true);
        assertThat(back.get(0).get("amount")).isEqualTo(new BigDecimal("12.3400"));
        assertThat(jdbc.sql("select at_time from bulk_probe where id = 1").query(Timestamp.class).single().toInstant())
            .isEqualTo(at);
        assertThat(back.get(1).get("txt")).isEqualTo("quote \" comma , newline \n end");
        assertThat(back.get(1).get("on_day")).isNull();
        assertThat(back.get(2).get("txt")).isEqualTo("");
        assertThat(back.get(2).get("flag")).isNull();
        assertThat(back.get(3).get("txt")).isNull();
        assertThat(back.get(4).get("txt")).isEqualTo("中文，「引号」\\反斜杠\t制表");
    }

    @Test
    void aRefusedRowLeavesNothingWritten() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 1; i <= 2500; i++) {
            rows.add(new Object[] { i == 2400 ? 7L : i, "row " + i, true, null, null, null });
        }
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> bulk.write("bulk_probe", COLUMNS, rows)))
            .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.sql("select count(*) from bulk_probe").query(Long.class).single()).isZero();
    }

    @Test
    void onlyPlainIdentifiersReachTheSql() {
        assertThatThrownBy(() -> bulk.write("bulk_probe; drop table person", COLUMNS, List.of()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bulk.write("bulk_probe", List.of("id", "txt) values (1"), List.of()))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
