package org.jixing.subsidy;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.person.HeldGroup;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.subsidy.internal.ClaimStore;
import org.jixing.subsidy.internal.LedgerStore.Refs;
import org.jixing.subsidy.internal.RuleStore;
import org.jixing.training.ClassOpenings;
import org.jixing.training.ClassStatus;
import org.jixing.training.Enrolment;
import org.jixing.training.EnrolmentStatus;
import org.jixing.training.Enrolments;
import org.jixing.training.Enrolments.ClassCompletion;
import org.jixing.training.TrainingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subsidy claims: a provider claims for a completed class, the system prices each trainee
 * with the rules in force on the class's first day and leaves out the ineligible with the
 * reason; the city reviews, and the province too for key lines and large amounts; the
 * final approval commits the amount against the budget. A trainee's training is on one
 * standing claim at most: the database refuses a second.
 */
@Service
@EnableConfigurationProperties(SubsidyProperties.class)
public class Claims {

    /** Attachments: at most this size, and one of these types, judged by content. */
    static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    private final ClaimStore store;

    private final RuleStore rules;

    private final FundLedger ledger;

    private final ClassOpenings classes;

    private final Enrolments enrolments;

    private final Filings filings;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final SubsidyProperties settings;

    private final Clock clock;

    private final org.jixing.certification.Certificates certificates;

    private final org.jixing.person.People people;

    Claims(ClaimStore store, RuleStore rules, FundLedger ledger, ClassOpenings classes, Enrolments enrolments,
            Filings filings, ScopeGuard guard, AuditTrail audit, SubsidyProperties settings, Clock clock,
            org.jixing.certification.Certificates certificates, org.jixing.person.People people) {
        this.people = people;
        this.certificates = certificates;
        this.store = store;
        this.rules = rules;
        this.ledger = ledger;
        this.classes = classes;
        this.enrolments = enrolments;
        this.filings = filings;
        this.guard = guard;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SubsidyRules.CHINA));
    }

    /**
     * What a claim for a class would hold, computed and not saved: the trainees priced
     * (each group adjustment with what it rests on), the ones left out with why, and
     * {@code problems} that keep it from being filed at all.
     */
    public record Preview(TrainingClass trainingClass, RuleSet rules, String fundSourceCode, List<ClaimLine> lines,
            List<ClaimExclusion> exclusions, Money total, boolean provinceReview, Optional<Payee> payee,
            List<Problem> problems) {

        public boolean fileable() {
            return problems.isEmpty();
        }

        /** The share of the adjustments that rests only on the provider's declaration. */
        public AdjustmentShare adjustments() {
            return AdjustmentShare.of(lines);
        }

    }

    /**
     * A priced trainee before saving: the quote, who it is for, and what the quote's
     * group rests on.
     */
    private record Priced(ClassCompletion trainee, RuleSet.Quote quote, GroupEvidence evidence) {
    }

    @Transactional(readOnly = true)
    public Preview preview(long classId) {
        return compute(classes.get(classId), 0);
    }

    private Preview compute(TrainingClass c, long exceptClaimId) {
        List<Problem> problems = new ArrayList<>();
        if (c.status() != ClassStatus.COMPLETED && c.status() != ClassStatus.CLOSED) {
            problems.add(notCompleted(c));
        }
        if (!c.subsidised()) {
            problems.add(new Problem("classId", "subsidy.error.class.selfFunded"));
        }
        Optional<FiledBody> provider = filings.find(Registry.PROVIDER, c.providerId());
        if (provider.isEmpty() || !provider.get().inGoodStanding(today())) {
            problems.add(new Problem(null, "subsidy.error.provider.notActive"));
        }
        Optional<Payee> payee = store.payee(c.providerId());
        if (payee.isEmpty()) {
            problems.add(new Problem(null, "subsidy.error.payee.missing"));
        }
        store.standingClaimOfClass(c.id())
            .filter(claim -> claim.id() != exceptClaimId)
            .ifPresent(claim -> problems.add(new Problem("classId", "subsidy.error.class.claimed", claim.claimNo())));
        Optional<RuleSet> found = rules.inForceOn(c.startDate());
        if (found.isEmpty()) {
            problems.add(new Problem(null, "subsidy.error.rules.none", c.startDate()));
            return new Preview(c, null, null, List.of(), List.of(), Money.ZERO, false, payee, problems);
        }
        RuleSet r = found.get();
        String fund = r.lineFunds().get(c.lineCode());
        if (fund == null) {
            problems.add(new Problem(null, "subsidy.error.rules.noFund", c.lineCode()));
        }
        List<ClassCompletion> roster = enrolments.completions(c.id());
        // The groups each trainee held on the class's first day, as the registry shows
        // them now (a membership recorded later with an earlier validity included), each
        // with what it rests on: the registry's record or the provider's declaration.
        Map<Long, Map<String, HeldGroup>> groups = people
            .groupsHeldOn(roster.stream().map(t -> t.enrolment().personId()).toList(), c.startDate());
        int year = c.startDate().getYear();
        Map<Long, Long> already = new HashMap<>(store
            .standingByPerson(roster.stream().map(t -> t.enrolment().personId()).toList(), year, exceptClaimId));
        List<Priced> priced = new ArrayList<>();
        List<ClaimExclusion> excluded = new ArrayList<>();
        Money classLeft = r.classCap();
        // A standard paid on a certificate pays those who hold one of the class's
        // occupation and level, earned since the class began.
        java.util.Set<Long> certified = certificates.holders(
                roster.stream().map(t -> t.enrolment().personId()).toList(), c.occupationCode(), c.levelCode(),
                c.startDate());
        for (ClassCompletion t : roster) {
            Enrolment e = t.enrolment();
            if (e.status() == EnrolmentStatus.WITHDRAWN) {
                continue;
            }
            if (e.status() != EnrolmentStatus.COMPLETED) {
                excluded.add(exclusion(e, "subsidy.exclusion.notCompleted", e.completionReason()));
                continue;
            }
            if (!e.subsidised()) {
                excluded.add(exclusion(e, "subsidy.exclusion.selfFunded", e.ineligibleReasons()));
                continue;
            }
            Map<String, HeldGroup> held = groups.getOrDefault(e.personId(), Map.of());
            RuleSet.Quote q = r.quote(c.occupationCode(), c.levelCode(), held.keySet(),
                    Money.ofFen(already.getOrDefault(e.personId(), 0L)), certified.contains(e.personId()));
            if (q.payable()) {
                q = q.cappedByClass(classLeft);
            }
            if (!q.payable()) {
                excluded.add(exclusion(e, q.refusal(), null));
                continue;
            }
            classLeft = classLeft.minus(q.amount());
            already.merge(e.personId(), q.amount().fen(), Long::sum);
            priced.add(new Priced(t, q, q.groupCode() == null ? null : GroupEvidence.of(held.get(q.groupCode()))));
        }
        if (priced.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(null, "subsidy.error.claim.nobody"));
        }
        Money total = priced.stream().map(p -> p.quote().amount()).reduce(Money.ZERO, Money::plus);
        boolean province = total.compareTo(Money.ofFen(settings.provinceReviewAboveYuan() * 100)) > 0
                || settings.keyLines().contains(c.lineCode());
        List<ClaimLine> lines = priced.stream().map(p -> {
            Enrolment e = p.trainee().enrolment();
            RuleSet.Quote q = p.quote();
            return new ClaimLine(0, e.id(), e.personId(), e.name(), e.idNumberMasked(), q.tier(), q.standard(),
                    q.groupCode(), q.adjustPercent(), q.capKind(), q.capCut(), q.amount(), false, p.evidence());
        }).toList();
        return new Preview(c, r, fund, lines, excluded, total, province, payee, problems);
    }

    /**
     * Why a class that has not completed cannot be claimed for: while it may still run,
     * with the moment its calendar lets it complete (a claim can never come earlier).
     */
    private Problem notCompleted(TrainingClass c) {
        if (c.status() == ClassStatus.SUBMITTED || c.status() == ClassStatus.APPROVED
                || c.status() == ClassStatus.RUNNING) {
            java.time.Instant from = classes.calendar(c.id()).completesFrom();
            if (from != null) {
                return new Problem("classId", "subsidy.error.class.notCompletedUntil",
                        org.jixing.shared.ProvinceTime.at(from));
            }
        }
        return new Problem("classId", "subsidy.error.class.notCompleted");
    }

    private static ClaimExclusion exclusion(Enrolment e, String key, String arg) {
        return new ClaimExclusion(e.id(), e.personId(), e.name(), e.idNumberMasked(), key, arg);
    }

    /** The provider's staff file a claim for their completed class. */
    @Transactional
    public Claim file(long classId) {
        CurrentUser me = requireProviderStaff();
        TrainingClass c = classes.get(classId);
        Preview p = compute(c, 0);
        if (!p.fileable()) {
            throw new InvalidInputException(p.problems());
        }
        Instant now = clock.instant();
        Payee payee = p.payee().orElseThrow();
        long id;
        try {
            id = store.insert(new ClaimStore.NewClaim("BT" + c.classNo() + "-" + (store.claimsOfClass(classId) + 1),
                    c.id(), c.classNo(), c.providerId(), c.providerName(), c.regionCode(), c.lineCode(),
                    c.occupationCode(), c.levelCode(), c.startDate().getYear(), p.fundSourceCode(), p.rules().id(),
                    p.lines().size(), p.total().fen(), p.provinceReview(), today().plusDays(settings.reviewDays()),
                    payee.accountName(), payee.accountNo(), payee.bankName(), me.username(), now, p.adjustments()));
            writeLines(id, c, p);
        }
        catch (DuplicateKeyException raced) {
            // Another claim for the class or one of its trainees was filed a moment ago.
            throw InvalidInputException.of("classId", "subsidy.error.class.claimedConcurrently");
        }
        store.review(id, "PROVIDER", "FILE", null, me.username(), now);
        audit.record(AuditEvent.of("subsidy.claim.file", "subsidy_claim", id, null, figures(p)));
        return get(id);
    }

    private void writeLines(long claimId, TrainingClass c, Preview p) {
        int year = c.startDate().getYear();
        for (ClaimLine l : p.lines()) {
            store.insertLine(claimId, l.enrolmentId(), l.personId(), year,
                    new RuleSet.Quote(p.rules().version(), l.tier(), l.standard(), null, l.groupCode(),
                            l.adjustPercent(), l.capKind(), l.capCut(), l.amount(), null),
                    l.groupEvidence());
        }
        for (ClaimExclusion x : p.exclusions()) {
            store.insertExclusion(claimId, x.enrolmentId(), x.personId(), x.reasonKey(), x.reasonArg());
        }
    }

    private static Map<String, Object> figures(Preview p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class", p.trainingClass().classNo());
        m.put("ruleVersion", p.rules().version());
        m.put("trainees", p.lines().size());
        m.put("excluded", p.exclusions().size());
        m.put("amountFen", p.total().fen());
        m.put("fundSource", p.fundSourceCode());
        m.put("provinceReview", p.provinceReview());
        AdjustmentShare share = p.adjustments();
        m.put("adjustedLines", share.adjustedLines());
        m.put("declaredLines", share.declaredLines());
        m.put("adjustmentFen", share.adjustment().fen());
        m.put("declaredFen", share.declared().fen());
        return m;
    }

    /**
     * The provider files a returned claim again after correcting what the reviewer named:
     * it is priced afresh from the records (with the same rules, which follow the class's
     * first day) and goes back to the city.
     */
    @Transactional
    public Claim resubmit(long id, int version, String comment) {
        CurrentUser me = requireProviderStaff();
        Claim claim = get(id);
        if (claim.status() != ClaimStatus.RETURNED) {
            throw InvalidInputException.of(null, "subsidy.error.claim.notReturned");
        }
        TrainingClass c = classes.get(claim.classId());
        store.clearLines(id);
        Preview p = compute(c, id);
        if (!p.fileable()) {
            throw new InvalidInputException(p.problems());
        }
        Instant now = clock.instant();
        if (!store.changeStatus(id, version, ClaimStatus.RETURNED, ClaimStatus.SUBMITTED,
                today().plusDays(settings.reviewDays()), null, now)) {
            throw new OptimisticLockingFailureException("claim " + id);
        }
        store.refigure(id, p.lines().size(), p.total().fen(), p.provinceReview(), p.adjustments());
        try {
            writeLines(id, c, p);
        }
        catch (DuplicateKeyException raced) {
            throw InvalidInputException.of("classId", "subsidy.error.class.claimedConcurrently");
        }
        store.review(id, "PROVIDER", "RESUBMIT", blankToNull(comment), me.username(), now);
        audit.record(AuditEvent.of("subsidy.claim.resubmit", "subsidy_claim", id,
                Map.of("amountFen", claim.amount().fen(), "trainees", claim.trainees()), figures(p)));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Claim get(long id) {
        return guard.require(store.find(id, ScopeSql.forCurrentUser(ClaimStore.SCOPE)), "subsidy_claim", id,
                () -> store.exists(id));
    }

    /** A claim read by the module's own processes, unscoped. */
    Claim getUnscoped(long id) {
        return store.find(id, ScopeSql.UNSCOPED).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PageResult<Claim> search(ClaimFilter filter, int page, int size) {
        var scope = ScopeSql.forCurrentUser(ClaimStore.SCOPE);
        return new PageResult<>(
                store.search(filter, scope, "c.submitted_at desc, c.id desc", PageResult.offset(page, size), size),
                page, size, store.count(filter, scope));
    }

    /**
     * The claims waiting on the caller's decision, oldest deadline first: a city
     * officer's city stage, the province administrator's province stage.
     */
    @Transactional(readOnly = true)
    public PageResult<Claim> queue(int page, int size) {
        CurrentUser me = CurrentUser.require();
        ClaimStatus waiting = me.hasRole(Role.CITY_OFFICER) ? ClaimStatus.SUBMITTED
                : me.hasRole(Role.PROVINCE_ADMIN) ? ClaimStatus.PROVINCE_REVIEW : null;
        if (waiting == null) {
            return new PageResult<>(List.of(), page, size, 0);
        }
        ClaimFilter f = new ClaimFilter(waiting, null, null, null, null);
        var scope = ScopeSql.forCurrentUser(ClaimStore.SCOPE);
        return new PageResult<>(store.search(f, scope, "c.review_due_on, c.id", PageResult.offset(page, size), size),
                page, size, store.count(f, scope));
    }

    @Transactional(readOnly = true)
    public List<ClaimLine> lines(long id) {
        get(id);
        List<ClaimStore.LineRow> rows = store.lines(id);
        Map<Long, Enrolment> byEnrolment = roster(id);
        return rows.stream().map(r -> {
            Enrolment e = byEnrolment.get(r.enrolmentId());
            return new ClaimLine(r.id(), r.enrolmentId(), r.personId(), e == null ? null : e.name(),
                    e == null ? null : e.idNumberMasked(), RuleSet.Tier.valueOf(r.tier()), Money.ofFen(r.standardFen()),
                    r.groupCode(), r.adjustPercent(), r.capKind() == null ? null : RuleSet.CapKind.valueOf(r.capKind()),
                    Money.ofFen(r.capCutFen()), Money.ofFen(r.amountFen()), r.recovered(), r.groupEvidence());
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<ClaimExclusion> exclusions(long id) {
        get(id);
        Map<Long, Enrolment> byEnrolment = roster(id);
        return store.exclusions(id).stream().map(x -> {
            Enrolment e = byEnrolment.get(x.enrolmentId());
            return new ClaimExclusion(x.enrolmentId(), x.personId(), e == null ? null : e.name(),
                    e == null ? null : e.idNumberMasked(), x.reasonKey(), x.reasonArg());
        }).toList();
    }

    private Map<Long, Enrolment> roster(long claimId) {
        Map<Long, Enrolment> m = new HashMap<>();
        // Whoever may see the claim may see its class: both are scoped by region, line
        // and
        // provider.
        Claim c = getUnscoped(claimId);
        for (ClassCompletion t : enrolments.completions(c.classId())) {
            m.put(t.enrolment().id(), t.enrolment());
        }
        return m;
    }

    @Transactional(readOnly = true)
    public List<ClaimReview> reviews(long id) {
        get(id);
        return store.reviews(id);
    }

    /**
     * A reviewer's decision. The city stage is a city officer's of the claim's city, the
     * province stage the province administrator's; nobody decides on a claim they filed
     * or of a provider they declared a tie to. Rejecting or returning needs a comment.
     * The final approval commits the amount against the city's budget for the fund source
     * and year, and is refused if that would overdraw it.
     */
    @Transactional
    public Claim decide(long id, ClaimDecision d) {
        CurrentUser me = CurrentUser.require();
        Claim claim = get(id);
        String stage = claim.status().stage();
        if (stage == null) {
            throw InvalidInputException.of(null, "subsidy.error.review.notWaiting");
        }
        if (!SubsidyPermission.mayDecide(me, claim)) {
            throw new AccessDeniedException("this stage is decided by " + stage);
        }
        if (me.username().equals(claim.submittedBy()) || store.conflictDeclared(me.username(), claim.providerId())) {
            throw InvalidInputException.of(null, "subsidy.error.review.conflict");
        }
        String comment = blankToNull(d.comment());
        if (d.action() == null) {
            throw InvalidInputException.of("action", "subsidy.error.required");
        }
        if (d.action() != ClaimDecision.Action.APPROVE && comment == null) {
            throw InvalidInputException.of("comment", "subsidy.error.review.commentRequired");
        }
        Instant now = clock.instant();
        ClaimStatus to;
        LocalDate due = null;
        Long budget = null;
        switch (d.action()) {
            case REJECT -> to = ClaimStatus.REJECTED;
            case RETURN -> to = ClaimStatus.RETURNED;
            default -> {
                if ("CITY".equals(stage) && claim.provinceReview()) {
                    to = ClaimStatus.PROVINCE_REVIEW;
                    due = today().plusDays(settings.reviewDays());
                }
                else {
                    to = ClaimStatus.APPROVED;
                    budget = commit(claim);
                }
            }
        }
        if (!store.changeStatus(id, d.version(), claim.status(), to, due, budget, now)) {
            throw new OptimisticLockingFailureException("claim " + id);
        }
        store.review(id, stage, d.action().name(), comment, me.username(), now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        after.put("stage", stage);
        if (claim.adjustments().anyDeclared()) {
            // The decision is taken knowing how much rests only on the provider's word.
            after.put("declaredLines", claim.adjustments().declaredLines());
            after.put("declaredFen", claim.adjustments().declared().fen());
        }
        if (comment != null) {
            after.put("comment", comment);
        }
        audit.record(AuditEvent.of("subsidy.claim." + d.action().name().toLowerCase(java.util.Locale.ROOT),
                "subsidy_claim", id, Map.of("status", claim.status().name()), after));
        return get(id);
    }

    /** Commits an approved claim's amount against its budget; refuses an overdraft. */
    private long commit(Claim claim) {
        long budget = ledger.budgetFor(claim.regionCode(), claim.fundSourceCode(), claim.trainingYear());
        Money available = ledger.balance(budget, LedgerAccount.AVAILABLE);
        if (budget < 0 || available.compareTo(claim.amount()) < 0) {
            throw InvalidInputException.of(null, "subsidy.error.review.overdraw", available.toYuanString(),
                    claim.amount().toYuanString());
        }
        if (claim.amount().fen() > 0) {
            try {
                ledger.move(LedgerEntryKind.COMMITMENT, budget, claim.amount(), new Refs(claim.id(), null, null, null),
                        claim.claimNo());
            }
            catch (FundLedger.Overdrawn raced) {
                throw InvalidInputException.of(null, "subsidy.error.review.overdraw",
                        ledger.balance(budget, LedgerAccount.AVAILABLE).toYuanString(), claim.amount().toYuanString());
            }
        }
        return budget;
    }

    /** Evidence a claim's reviewer reads. */
    public enum AttachmentKind {

        SIGN_IN_SHEET, INVOICE, OTHER

    }

    /**
     * The provider attaches a PDF, JPEG or PNG (judged by its first bytes, not its name)
     * of at most 10 MB to a claim that is not yet decided.
     */
    @Transactional
    public ClaimAttachment attach(long id, AttachmentKind kind, String fileName, byte[] content) {
        CurrentUser me = requireProviderStaff();
        Claim claim = get(id);
        if (claim.status() != ClaimStatus.SUBMITTED && claim.status() != ClaimStatus.RETURNED) {
            throw InvalidInputException.of("file", "subsidy.error.attachment.decided");
        }
        if (kind == null) {
            throw InvalidInputException.of("kind", "subsidy.error.required");
        }
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "subsidy.error.attachment.empty");
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw InvalidInputException.of("file", "subsidy.error.attachment.tooLarge",
                    MAX_ATTACHMENT_BYTES / 1024 / 1024);
        }
        String type = sniff(content);
        if (type == null) {
            throw InvalidInputException.of("file", "subsidy.error.attachment.type");
        }
        String name = fileName == null || fileName.isBlank() ? "attachment" : fileName.strip();
        name = name.replaceAll("[\\\\/\\r\\n\"]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        long att = store.insertAttachment(id, kind.name(), name, type, content, sha, me.username(), clock.instant());
        audit.record(AuditEvent.of("subsidy.claim.attach", "subsidy_claim", id, null,
                Map.of("attachment", att, "kind", kind.name(), "file", name, "bytes", content.length, "sha256", sha)));
        return store.attachments(id).stream().filter(a -> a.id() == att).findFirst().orElseThrow();
    }

    /** The content type of a PDF, JPEG or PNG by its magic bytes, or null. */
    static String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    @Transactional(readOnly = true)
    public List<ClaimAttachment> attachments(long id) {
        get(id);
        return store.attachments(id);
    }

    /** An attachment's particulars and content, in scope. */
    public record AttachmentFile(ClaimAttachment attachment, byte[] content) {
    }

    @Transactional(readOnly = true)
    public AttachmentFile attachment(long id, long attachmentId) {
        get(id);
        var a = store.attachments(id)
            .stream()
            .filter(x -> x.id() == attachmentId)
            .findFirst()
            .orElseThrow(() -> new org.jixing.shared.scope.RecordNotFoundException("attachment", attachmentId));
        return new AttachmentFile(a, store.attachmentContent(id, attachmentId).orElseThrow());
    }

    /** Where the caller's provider is paid. */
    @Transactional(readOnly = true)
    public Optional<Payee> ownPayee() {
        return store.payee(ownProvider(requireProviderStaff()));
    }

    /** The provider's staff enter the account their provider is paid into. */
    @Transactional
    public Payee savePayee(String accountName, String accountNo, String bankName) {
        CurrentUser me = requireProviderStaff();
        List<Problem> problems = new ArrayList<>();
        if (accountName == null || accountName.isBlank() || accountName.strip().length() > 200) {
            problems.add(new Problem("accountName", "subsidy.error.required"));
        }
        String no = accountNo == null ? "" : accountNo.replaceAll("[\\s-]", "");
        if (!no.matches("\\d{8,32}")) {
            problems.add(new Problem("accountNo", "subsidy.error.payee.accountNo"));
        }
        if (bankName == null || bankName.isBlank() || bankName.strip().length() > 200) {
            problems.add(new Problem("bankName", "subsidy.error.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long provider = ownProvider(me);
        var before = store.payee(provider);
        var p = new Payee(provider, accountName.strip(), no, bankName.strip());
        store.savePayee(p, me.username(), clock.instant());
        audit.record(AuditEvent.of("subsidy.payee.save", "provider", provider,
                before.map(b -> Map.<String, Object>of("accountNo", AccountNumbers.mask(b.accountNo()))).orElse(null),
                Map.of("accountName", p.accountName(), "accountNo", AccountNumbers.mask(no), "bank", p.bankName())));
        return p;
    }

    /**
     * The province administrator records a reviewer's tie to a provider (回避): the
     * reviewer may no longer decide on its claims.
     */
    @Transactional
    public void declareConflict(String username, long providerId, String reason) {
        CurrentUser me = CurrentUser.require();
        if (!SubsidyPermission.REVIEWER_CONFLICT.allows(me)) {
            throw new AccessDeniedException("the province administrator records conflicts");
        }
        if (username == null || username.isBlank() || reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "subsidy.error.required");
        }
        if (filings.find(Registry.PROVIDER, providerId).isEmpty()) {
            throw InvalidInputException.of("providerId", "subsidy.error.provider.unknown");
        }
        try {
            store.declareConflict(username.strip(), providerId, reason.strip(), me.username(), clock.instant());
        }
        catch (DuplicateKeyException already) {
            return;
        }
        audit.record(AuditEvent.of("subsidy.reviewer.conflict", "provider", providerId, null,
                Map.of("reviewer", username.strip(), "reason", reason.strip())));
    }

    private static long ownProvider(CurrentUser me) {
        return Long.parseLong(me.scope().ref());
    }

    private static CurrentUser requireProviderStaff() {
        CurrentUser me = CurrentUser.require();
        if (!SubsidyPermission.CLAIM_FILE.allows(me)) {
            throw new AccessDeniedException("provider staff file claims");
        }
        return me;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
