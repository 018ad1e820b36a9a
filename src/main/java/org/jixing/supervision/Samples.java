package org.jixing.supervision;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.InspectionSample.SampleClass;
import org.jixing.supervision.WeightedDraw.Candidate;
import org.jixing.supervision.internal.SampleStore;
import org.jixing.supervision.internal.SampleStore.CandidateRow;
import org.jixing.training.ClassesInSession;
import org.jixing.training.TrainingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly risk-weighted inspection sample of each city, for unannounced visits.
 *
 * <p>
 * Candidates: the city's classes, approved or running, with a session in the month. Each
 * weighs {@code 1 + class points + provider points}, where the points are those of the
 * live alerts (open or in a case) on the class (as subject or target) and on its
 * provider: LOW 1, MEDIUM 2, HIGH 3 each. The share
 * ({@code jixing.supervision.sample-share}, 5% by default) of the candidates is drawn,
 * rounded up, at least one, by {@link WeightedDraw#draw} from the seed of the city, the
 * month and a random salt stored with the sample; the candidates are stored with their
 * weights, so anybody can {@link #verify} the draw. One sample per city and month: a
 * second draw is refused.
 */
@Service
@EnableConfigurationProperties(SamplingProperties.class)
public class Samples {

    /** The most samples a list returns. */
    public static final int LIST_LIMIT = 500;

    private final SampleStore store;

    private final ClassesInSession classes;

    private final ReferenceCatalogue reference;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final SamplingProperties properties;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    Samples(SampleStore store, ClassesInSession classes, ReferenceCatalogue reference, ScopeGuard guard,
            AuditTrail audit, SamplingProperties properties, Clock clock) {
        this.store = store;
        this.classes = classes;
        this.reference = reference;
        this.guard = guard;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The share drawn, in basis points (1/10000). */
    public int shareBasisPoints() {
        return properties.shareBasisPoints();
    }

    /** A sample in the reader's scope (its city), with its candidates; 404 otherwise. */
    @Transactional(readOnly = true)
    public InspectionSample get(long id) {
        requireReader();
        return guard.require(store.find(id, ScopeSql.forCurrentUser(SampleStore.SCOPE)), "inspection_sample", id,
                () -> store.exists(id));
    }

    /**
     * Samples in the reader's scope, of a month ({@code yyyy-MM}) and city if given,
     * newest month first.
     */
    @Transactional(readOnly = true)
    public List<InspectionSample> list(String month, String regionCode) {
        requireReader();
        String m = month == null || month.isBlank() ? null : parseMonth(month).toString();
        String r = regionCode == null || regionCode.isBlank() ? null : regionCode.strip();
        return store.search(m, r, ScopeSql.forCurrentUser(SampleStore.SCOPE), LIST_LIMIT);
    }

    /**
     * Draws a city's sample of a month: an inspector of the city or the province.
     * Refused, nothing written, for a city outside the drawer's scope, a month already
     * drawn (with who drew it and when) or a month without running classes.
     */
    @Transactional
    public InspectionSample draw(String regionCode, String month) {
        CurrentUser me = CurrentUser.require();
        if (!SupervisionPermission.SAMPLE_DRAW.allows(me)) {
            throw new AccessDeniedException("inspectors draw samples");
        }
        String region = regionCode == null ? "" : regionCode.strip();
        if (!RegionCode.isWellFormed(region) || new RegionCode(region).level() != RegionCode.Level.CITY
                || reference.region(region).isEmpty() || !me.scope().coversRegion(region)) {
            throw InvalidInputException.of("regionCode", "supervision.error.sample.region");
        }
        YearMonth ym = parseMonth(month);
        Optional<InspectionSample> drawn = store.findByRegionAndMonth(region, ym.toString());
        if (drawn.isPresent()) {
            throw alreadyDrawn(drawn.get());
        }
        List<TrainingClass> running = classes.inMonth(new RegionCode(region), ym);
        if (running.isEmpty()) {
            throw InvalidInputException.of("month", "supervision.error.sample.noClasses");
        }
        Map<Long, Integer> classPoints = store.livePoints(SubjectKind.CLASS.name(),
                running.stream().map(TrainingClass::id).toList());
        Map<Long, Integer> providerPoints = store.livePoints(SubjectKind.PROVIDER.name(),
                running.stream().map(TrainingClass::providerId).distinct().toList());
        List<Candidate> candidates = new ArrayList<>();
        for (TrainingClass c : running) {
            candidates.add(new Candidate(c.id(),
                    1 + classPoints.getOrDefault(c.id(), 0) + providerPoints.getOrDefault(c.providerId(), 0)));
        }
        long salt = random.nextLong();
        long seed = WeightedDraw.seed(region, ym, salt);
        int shareBp = properties.shareBasisPoints();
        int k = WeightedDraw.sampleSize(candidates.size(), shareBp);
        Set<Long> selected = new HashSet<>(WeightedDraw.draw(seed, candidates, k));
        Instant now = clock.instant();
        String sampleNo = "CY" + region + "-" + ym.toString().replace("-", "");
        long id;
        try {
            id = store.insert(sampleNo, region, ym.toString(), shareBp, salt, seed, candidates.size(), k, me.username(),
                    now);
        }
        catch (DuplicateKeyException racing) {
            throw alreadyDrawn(store.findByRegionAndMonth(region, ym.toString()).orElseThrow(() -> racing));
        }
        for (int i = 0; i < running.size(); i++) {
            TrainingClass c = running.get(i);
            store.insertCandidate(id,
                    new CandidateRow(i, c.id(), c.classNo(), c.providerId(), candidates.get(i).weight(),
                            classPoints.getOrDefault(c.id(), 0), providerPoints.getOrDefault(c.providerId(), 0),
                            selected.contains(c.id())));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("region", region);
        after.put("month", ym.toString());
        after.put("shareBasisPoints", shareBp);
        after.put("salt", salt);
        after.put("seed", seed);
        after.put("candidates", candidates.size());
        after.put("selected", running.stream().map(TrainingClass::id).filter(selected::contains).toList());
        audit.record(AuditEvent.of("supervision.sample.draw", "inspection_sample", sampleNo, null, after));
        return get(id);
    }

    /**
     * The draw done again from the stored salt and candidates (in their stored order and
     * weights): whether the seed and the drawn classes come out as stored.
     */
    @Transactional(readOnly = true)
    public SampleVerification verify(long id) {
        InspectionSample s = get(id);
        long seed = WeightedDraw.seed(s.regionCode(), YearMonth.parse(s.month()), s.salt());
        List<Candidate> candidates = s.classes().stream().map(c -> new Candidate(c.classId(), c.weight())).toList();
        List<Long> recomputed = WeightedDraw.draw(seed, candidates, s.sampleSize()).stream().sorted().toList();
        List<Long> stored = s.classes()
            .stream()
            .filter(SampleClass::selected)
            .map(SampleClass::classId)
            .sorted()
            .toList();
        boolean seedMatches = seed == s.seed();
        return new SampleVerification(id, seedMatches && recomputed.equals(stored), seedMatches, stored, recomputed);
    }

    /**
     * Marks a class visited in the month's sample of its city when it was drawn there;
     * the sample's id, if so. For {@link Visits}, which has checked the class's scope.
     */
    Optional<Long> visited(String regionCode, YearMonth month, long classId, long visitId) {
        return store.markVisited(new RegionCode(regionCode).cityCode(), month.toString(), classId, visitId);
    }

    /** A month as {@code yyyy-MM}, or a refusal naming the field. */
    static YearMonth parseMonth(String month) {
        try {
            if (month != null && month.strip().matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(month.strip());
            }
        }
        catch (DateTimeParseException ex) {
            // refused below
        }
        throw InvalidInputException.of("month", "supervision.error.sample.month");
    }

    private static InvalidInputException alreadyDrawn(InspectionSample s) {
        return InvalidInputException.of("month", "supervision.error.sample.drawn", s.sampleNo(), s.drawnBy(),
                s.drawnAt().toString());
    }

    static void requireReader() {
        if (!SupervisionPermission.CASE_READ.allows(CurrentUser.require())) {
            throw new AccessDeniedException("inspection samples");
        }
    }

}
