package org.jixing.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

import org.jixing.provider.BodyKind;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassType;
import org.jixing.training.CompletionCounts;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of a year that an annual report quotes (seed 000: "开设1205个订单班…4.7万余名学生",
 * "国家级技能大师工作室69个"): filed providers by kind with the bases and studios among them,
 * classes opened by type with their trainees and completions, and the trainings
 * completed, subsidised and self-funded, and the subsidy money of the year's classes.
 * Each comes from its module's scoped reads, so the province and auditors see the
 * province, a city its city, a department its lines (and no provider registry, which
 * departments do not read). Other modules add theirs (the subsidy money, the certificates
 * issued by level) as {@link AnnualFigureContribution}s.
 */
@Service
public class AnnualFigures {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The years a figure may be asked for: dates outside them are typing mistakes. */
    static final int FIRST_YEAR = 2000;

    static final int LAST_YEAR = 2100;

    /**
     * Filed providers on {@code asOf} (the last day of the year, or today while it runs)
     * by kind, and how many carry the public training base and skill-master studio marks.
     */
    public record Providers(LocalDate asOf, Map<BodyKind, Long> byKind, long total, long publicTrainingBases,
            long skillMasterStudios) {
    }

    /**
     * Classes opened in the year, their trainees (person-times enrolled, not withdrawn)
     * and completions.
     */
    public record Classes(long classes, long trainees, long completions) {

        static final Classes NONE = new Classes(0, 0, 0);

        Classes plus(Classes other) {
            return new Classes(classes + other.classes, trainees + other.trainees, completions + other.completions);
        }

    }

    /** Trainings completed in the year: all, subsidised, self-funded. */
    public record Trainings(long total, long subsidised, long selfFunded) {
    }

    /**
     * A year's figures. Classes count by their first day ({@code from} to {@code until});
     * trainings by the day they were completed. {@code providers} is null for callers who
     * do not read the provider registry (line departments). {@code projectBased} is the
     * order, post and directed classes together.
     */
    public record Figures(int year, LocalDate from, LocalDate until, Providers providers,
            Map<ClassType, Classes> classesByType, Classes projectBased, Classes allClasses, Trainings completed,
            @JsonIgnore List<Contributed> contributed) {

        /**
         * The contributed figures by name, as the API's JSON shows them beside the
         * others.
         */
        @JsonAnyGetter
        public Map<String, Object> contributedByName() {
            Map<String, Object> byName = new LinkedHashMap<>();
            contributed.forEach(c -> byName.put(c.name(), c.figures()));
            return byName;
        }

    }

    /**
     * A module's figures of the year (see {@link AnnualFigureContribution}): its name,
     * the template showing them and the figures.
     */
    public record Contributed(String name, String template, Object figures) {
    }

    private final Filings filings;

    private final ClassOpenings classes;

    private final CompletionCounts completions;

    private final Clock clock;

    private final List<AnnualFigureContribution<?>> contributions;

    AnnualFigures(Filings filings, ClassOpenings classes, CompletionCounts completions, Clock clock,
            List<AnnualFigureContribution<?>> contributions) {
        this.contributions = contributions;
        this.filings = filings;
        this.classes = classes;
        this.completions = completions;
        this.clock = clock;
    }

    /** This year in China. */
    public int currentYear() {
        return LocalDate.now(clock.withZone(CHINA)).getYear();
    }

    /** The figures of a year in the caller's scope. */
    @Transactional(readOnly = true)
    public Figures of(int year) {
        CurrentUser me = CurrentUser.require();
        if (!StatisticsPermission.ANNUAL_READ.allows(me)) {
            throw new AccessDeniedException("reading the annual figures");
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw InvalidInputException.of("year", "annual.error.year", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate until = LocalDate.of(year, 12, 31);
        Providers providers = null;
        if (me.scope().kind() == ScopeKind.PROVINCE || me.scope().kind() == ScopeKind.REGION) {
            LocalDate today = LocalDate.now(clock.withZone(CHINA));
            LocalDate asOf = until.isAfter(today) ? today : until;
            providers = providers(asOf, filings.filedOn(Registry.PROVIDER, asOf));
        }
        Map<ClassType, Classes> byType = new EnumMap<>(ClassType.class);
        classes.openedByType(year)
            .forEach((type, o) -> byType.put(type, new Classes(o.classes(), o.trainees(), o.completions())));
        Classes projectBased = Classes.NONE;
        Classes all = Classes.NONE;
        for (Map.Entry<ClassType, Classes> e : byType.entrySet()) {
            all = all.plus(e.getValue());
            if (e.getKey().needsEmployer()) {
                projectBased = projectBased.plus(e.getValue());
            }
        }
        CompletionCounts.Totals done = completions.totals(year);
        return new Figures(year, from, until, providers, byType, projectBased, all,
                new Trainings(done.completions(), done.subsidised(), done.completions() - done.subsidised()),
                contributions.stream().map(c -> new Contributed(c.name(), c.template(), c.of(year))).toList());
    }

    private static Providers providers(LocalDate asOf, Map<BodyKind, Filings.Filed> filed) {
        Map<BodyKind, Long> byKind = new EnumMap<>(BodyKind.class);
        long total = 0;
        long bases = 0;
        long studios = 0;
        for (Map.Entry<BodyKind, Filings.Filed> e : filed.entrySet()) {
            byKind.put(e.getKey(), e.getValue().bodies());
            total += e.getValue().bodies();
            bases += e.getValue().publicTrainingBases();
            studios += e.getValue().skillMasterStudios();
        }
        return new Providers(asOf, byKind, total, bases, studios);
    }

}
