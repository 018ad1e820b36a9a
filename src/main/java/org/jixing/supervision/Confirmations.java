package org.jixing.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.throttle.Throttle;
import org.jixing.shared.throttle.ThrottlePolicy;
import org.jixing.subsidy.ClaimFiled;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.internal.ConfirmationStore;
import org.jixing.training.ClassOpenings;
import org.jixing.training.TrainingClass;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainees confirm or deny having attended a claimed class (issue 18, item 5). When a
 * claim is filed, each trainee on its lines gets a request with a one-time code (random,
 * kept hashed, used once, void after {@code jixing.supervision.confirmation-days}); the
 * trainee answers through the code (no account needed: the code is the credential,
 * throttled per client) or, signed in, their own requests. A denial runs the
 * TRAINEE_DENIED rule, whose blocking alert holds the claim. Codes are shown to nobody
 * but the caller that created them (the portal's SMS, the demo and tests): never to the
 * provider or the officers.
 */
@Service
public class Confirmations {

    /** Answers through a code: a burst of 10, then one a minute, per client. */
    static final ThrottlePolicy CODES = new ThrottlePolicy(10, Duration.ofMinutes(1));

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    private static final int CODE_LENGTH = 12;

    private final ConfirmationStore store;

    private final ClassOpenings classes;

    private final RiskScans scans;

    private final AuditTrail audit;

    private final Throttle throttle;

    private final ReferenceCatalogue reference;

    private final Clock clock;

    private final Duration validity;

    private final SecureRandom random = new SecureRandom();

    Confirmations(ConfirmationStore store, ClassOpenings classes, RiskScans scans, AuditTrail audit, Throttle throttle,
            ReferenceCatalogue reference, Clock clock,
            @Value("${jixing.supervision.confirmation-days:30}") int validityDays) {
        this.store = store;
        this.classes = classes;
        this.scans = scans;
        this.audit = audit;
        this.throttle = throttle;
        this.reference = reference;
        this.clock = clock;
        this.validity = Duration.ofDays(validityDays);
    }

    /** A request created, with its code in clear: for the one who sends it, once. */
    public record Issued(long confirmationId, long enrolmentId, long personId, String code) {
    }

    /** How a claim's trainees answered: confirmed, denied, not (yet) answered. */
    public record Share(int confirmed, int denied, int unanswered) {

        public static final Share NONE = new Share(0, 0, 0);

    }

    /**
     * Asks each trainee on a filed claim's lines to confirm, once per claim and trainee
     * (a claim filed again asks only the trainees new to it). Returns the codes created.
     */
    @Transactional
    public List<Issued> request(ClaimFiled filed) {
        TrainingClass c = RunAs.user(system(), () -> classes.get(filed.classId()));
        Instant now = clock.instant();
        List<Issued> out = new ArrayList<>();
        for (int i = 0; i < filed.enrolmentIds().size(); i++) {
            long enrolment = filed.enrolmentIds().get(i);
            long person = filed.personIds().get(i);
            if (store.exists(filed.claimId(), enrolment)) {
                continue;
            }
            String code = newCode();
            long id = store.insert(new ConfirmationStore.NewRequest(filed.claimId(), filed.claimNo(), c.id(),
                    c.classNo(), c.occupationCode(), c.startDate(), c.endDate(), c.providerId(), c.providerName(),
                    filed.regionCode(), filed.lineCode(), enrolment, person, hash(code), now, now.plus(validity)));
            out.add(new Issued(id, enrolment, person, code));
        }
        if (!out.isEmpty()) {
            audit.record(
                    new AuditEvent("supervision.confirmation.request", "subsidy_claim", String.valueOf(filed.claimId()),
                            null, Map.of("claim", filed.claimNo(), "asked", out.size()), "system"));
        }
        return out;
    }

    /**
     * A new code for a request still waiting (the old one stops working), its validity
     * starting again: for the portal's SMS when a trainee asks again. No user needed.
     */
    @Transactional
    public String reissue(long confirmationId) {
        String code = newCode();
        if (!store.rekey(confirmationId, hash(code), clock.instant().plus(validity))) {
            throw InvalidInputException.of(null, "supervision.confirm.error.answered");
        }
        return code;
    }

    /**
     * What a code asks, for its page: the request, or a refusal when the code is unknown,
     * used or expired (one message for all three, so codes cannot be probed).
     */
    @Transactional(readOnly = true)
    public Confirmation byCode(String code, String client) {
        throttle.require("confirmation-code", "confirmation-code:" + client,
                throttle.policy("confirmation-code", CODES));
        return answerable(code);
    }

    /** Answers through a code, once. */
    @Transactional
    public Confirmation answerByCode(String code, Boolean attended, String remark, String client) {
        throttle.require("confirmation-code", "confirmation-code:" + client,
                throttle.policy("confirmation-code", CODES));
        Confirmation c = answerable(code);
        return answer(c, attended, remark, "CODE", "trainee-code:" + c.personId());
    }

    /**
     * The time the requests are answerable against (the pages show what is still open).
     */
    public Instant now() {
        return clock.instant();
    }

    /** The signed-in trainee's own requests, newest first. */
    @Transactional(readOnly = true)
    public List<Confirmation> mine() {
        return store.ofPerson(me());
    }

    /**
     * The signed-in trainee answers one of their own requests; another's is not found.
     */
    @Transactional
    public Confirmation answerMine(long id, Boolean attended, String remark) {
        long person = me();
        Confirmation c = store.find(id)
            .filter(x -> x.personId() == person)
            .orElseThrow(() -> new RecordNotFoundException("attendance_confirmation", id));
        if (!c.answerable(clock.instant())) {
            throw InvalidInputException.of(null, c.status() == Confirmation.Status.PENDING
                    ? "supervision.confirm.error.expired" : "supervision.confirm.error.answered");
        }
        return answer(c, attended, remark, "ACCOUNT", CurrentUser.require().username());
    }

    /**
     * How the trainees of a claim answered. No scope: the claim's reader (its page's risk
     * panel) has checked it.
     */
    @Transactional(readOnly = true)
    public Share share(long claimId) {
        int yes = 0;
        int no = 0;
        int silent = 0;
        for (Confirmation c : store.ofClaim(claimId)) {
            switch (c.status()) {
                case CONFIRMED -> yes++;
                case DENIED -> no++;
                default -> silent++;
            }
        }
        return new Share(yes, no, silent);
    }

    private Confirmation answer(Confirmation c, Boolean attended, String remark, String via, String actor) {
        List<Problem> problems = new ArrayList<>();
        if (attended == null) {
            problems.add(new Problem("attended", "supervision.confirm.error.attended"));
        }
        String r = remark == null || remark.isBlank() ? null : remark.strip();
        if (r != null && r.length() > 500) {
            problems.add(new Problem("remark", "supervision.error.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Confirmation.Status to = attended ? Confirmation.Status.CONFIRMED : Confirmation.Status.DENIED;
        Instant now = clock.instant();
        if (!store.answer(c.id(), to, r, via, now)) {
            throw InvalidInputException.of(null, "supervision.confirm.error.answered");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        after.put("via", via);
        after.put("claim", c.claimNo());
        if (r != null) {
            after.put("remark", r);
        }
        audit.record(new AuditEvent("supervision.confirmation.answer", "attendance_confirmation",
                String.valueOf(c.id()), Map.of("status", c.status().name()), after, actor));
        if (to == Confirmation.Status.DENIED) {
            scans.onEvent(Trigger.CONFIRMATION, new ScanWindow(now.minus(Duration.ofDays(1)), now.plusSeconds(1),
                    Set.of(), Set.of(), Set.of(), Set.of(), Set.of(c.claimId())));
        }
        return store.find(c.id()).orElseThrow();
    }

    private Confirmation answerable(String code) {
        Confirmation c = code == null || code.isBlank() ? null
                : store.byCodeHash(hash(code.strip().toUpperCase(java.util.Locale.ROOT))).orElse(null);
        if (c == null || !c.answerable(clock.instant())) {
            throw InvalidInputException.of("code", "supervision.confirm.error.code");
        }
        return c;
    }

    private long me() {
        CurrentUser me = CurrentUser.require();
        if (!SupervisionPermission.ATTENDANCE_CONFIRM.allows(me) || me.scope().kind() != ScopeKind.PERSON) {
            throw new AccessDeniedException("trainees confirm their own classes");
        }
        return Long.parseLong(me.scope().ref());
    }

    private String newCode() {
        char[] c = new char[CODE_LENGTH];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    static String hash(String code) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the class as the province's reader: the filing's user may be anyone. */
    private CurrentUser system() {
        String province = reference.cities().get(0).code().substring(0, 2) + "0000";
        return new CurrentUser(0, "supervision", "supervision", Role.AUDITOR, DataScope.province(province));
    }

}
