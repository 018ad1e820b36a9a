package org.jixing.subsidy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.shared.Money;
import org.jixing.subsidy.FundSource;
import org.jixing.subsidy.RuleSet;
import org.jixing.subsidy.RuleSet.PaysOn;
import org.jixing.subsidy.RuleSet.Standard;
import org.jixing.subsidy.RuleSet.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the versions of the subsidy rules and the fund sources. */
@Repository
public class RuleStore {

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A fund source of the data list. */

    public List<FundSource> fundSources() {
        return jdbc.sql("select code, name_zh, name_en from fund_source order by sort_order, code")
            .query(FundSource.class)
            .list();
    }

    public long insert(RuleSet r) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into subsidy_rule_set (version, effective_from, note, person_year_cap_fen, class_cap_fen,
                  default_tier, created_by, created_at)
                values (:v, :f, :n, :p, :c, :t, :by, :at)""")
            .param("v", r.version())
            .param("f", r.effectiveFrom())
            .param("n", r.note())
            .param("p", r.personYearCap().fen())
            .param("c", r.classCap().fen())
            .param("t", r.defaultTier().name())
            .param("by", r.createdBy())
            .param("at", Timestamp.from(r.createdAt()))
            .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (Standard s : r.standards()) {
            jdbc.sql("insert into subsidy_standard (rule_set_id, level_code, tier, amount_fen, pays_on) "
                    + "values (:id, :l, :t, :a, :p)")
                .param("id", id)
                .param("l", s.levelCode())
                .param("t", s.tier().name())
                .param("a", s.amount().fen())
                .param("p", s.paysOn().name())
                .update();
        }
        r.occupationTiers()
            .forEach((o, t) -> jdbc
                .sql("insert into subsidy_occupation_tier (rule_set_id, occupation_code, tier) values (:id, :o, :t)")
                .param("id", id)
                .param("o", o)
                .param("t", t.name())
                .update());
        r.groupAdjustments()
            .forEach((g, p) -> jdbc
                .sql("insert into subsidy_group_adjustment (rule_set_id, group_code, adjust_percent) "
                        + "values (:id, :g, :p)")
                .param("id", id)
                .param("g", g)
                .param("p", p)
                .update());
        r.lineFunds()
            .forEach((l, f) -> jdbc
                .sql("insert into subsidy_line_fund (rule_set_id, line_code, fund_source_code) values (:id, :l, :f)")
                .param("id", id)
                .param("l", l)
                .param("f", f)
                .update());
        if (r.employment() != null) {
            jdbc.sql("insert into subsidy_employment_pay (rule_set_id, within_months, amount_fen) values (:id, :m, :a)")
                .param("id", id)
                .param("m", r.employment().withinMonths())
                .param("a", r.employment().amount().fen())
                .update();
        }
        return id;
    }

    public int latestVersion() {
        return jdbc.sql("select coalesce(max(version), 0) from subsidy_rule_set").query(Integer.class).single();
    }

    public List<RuleSet> all() {
        return jdbc.sql("select id from subsidy_rule_set order by effective_from desc")
            .query(Long.class)
            .list()
            .stream()
            .map(id -> find(id).orElseThrow())
            .toList();
    }

    /** The version in force on a day: the latest that took effect on or before it. */
    public Optional<RuleSet> inForceOn(LocalDate day) {
        return jdbc
            .sql("select id from subsidy_rule_set where effective_from <= :d order by effective_from desc limit 1")
            .param("d", day)
            .query(Long.class)
            .optional()
            .flatMap(this::find);
    }

    public Optional<RuleSet> find(long id) {
        record Head(long id, int version, LocalDate effectiveFrom, String note, long personYearCapFen, long classCapFen,
                String defaultTier, String createdBy, Timestamp createdAt) {
        }
        return jdbc.sql("""
                select id, version, effective_from, note, person_year_cap_fen, class_cap_fen, default_tier,
                  created_by, created_at
                from subsidy_rule_set where id = :id""").param("id", id).query(Head.class).optional().map(h -> {
            List<Standard> standards = new ArrayList<>(jdbc
                .sql("select level_code, tier, amount_fen, pays_on from subsidy_standard where rule_set_id = :id "
                        + "order by level_code, tier")
                .param("id", id)
                .query((rs, n) -> new Standard(rs.getString(1), Tier.valueOf(rs.getString(2)),
                        Money.ofFen(rs.getLong(3)), PaysOn.valueOf(rs.getString(4))))
                .list());
            Map<String, Tier> tiers = new LinkedHashMap<>();
            jdbc.sql("select occupation_code, tier from subsidy_occupation_tier where rule_set_id = :id "
                    + "order by occupation_code")
                .param("id", id)
                .query((rs, n) -> tiers.put(rs.getString(1), Tier.valueOf(rs.getString(2))))
                .list();
            Map<String, Integer> groups = new LinkedHashMap<>();
            jdbc.sql("select group_code, adjust_percent from subsidy_group_adjustment where rule_set_id = :id "
                    + "order by group_code")
                .param("id", id)
                .query((rs, n) -> groups.put(rs.getString(1), rs.getInt(2)))
                .list();
            Map<String, String> funds = new LinkedHashMap<>();
            jdbc.sql("select line_code, fund_source_code from subsidy_line_fund where rule_set_id = :id "
                    + "order by line_code")
                .param("id", id)
                .query((rs, n) -> funds.put(rs.getString(1), rs.getString(2)))
                .list();
            RuleSet.EmploymentPay employment = jdbc
                .sql("select within_months, amount_fen from subsidy_employment_pay where rule_set_id = :id")
                .param("id", id)
                .query((rs, n) -> new RuleSet.EmploymentPay(rs.getInt(1), Money.ofFen(rs.getLong(2))))
                .optional()
                .orElse(null);
            Instant at = h.createdAt().toInstant();
            return new RuleSet(h.id(), h.version(), h.effectiveFrom(), h.note(), Money.ofFen(h.personYearCapFen()),
                    Money.ofFen(h.classCapFen()), Tier.valueOf(h.defaultTier()), List.copyOf(standards),
                    Collections.unmodifiableMap(tiers), Collections.unmodifiableMap(groups),
                    Collections.unmodifiableMap(funds), h.createdBy(), at, employment);
        });
    }

}
