package org.jixing.subsidy;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.subsidy.internal.ClaimStore;
import org.jixing.subsidy.internal.PaymentStore;
import org.jixing.subsidy.internal.RuleStore;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a payment order for a city's approved claims of a fund source. Nothing is paid
 * twice: a claim is on one live line at a time, enforced by the database. A claim held by
 * a supervision alert is skipped, and the opening says so.
 */
@Service
public class PaymentOrders {

    private final PaymentStore store;

    private final ClaimStore claimStore;

    private final RuleStore rules;

    private final Payments payments;

    private final AuditTrail audit;

    private final Clock clock;

    private final ClaimHolds holds;

    PaymentOrders(PaymentStore store, ClaimStore claimStore, RuleStore rules, Payments payments, AuditTrail audit,
            Clock clock, ClaimHolds holds) {
        this.holds = holds;
        this.store = store;
        this.claimStore = claimStore;
        this.rules = rules;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens a payment order for every approved claim of a city and fund source not yet on
     * one: the city's officer or the province administrator. Two openings racing for the
     * same claims cannot both take one: the database keeps a claim on one live line.
     */
    @Transactional
    public PaymentOrder open(String fundSourceCode, String regionCode) {
        return openOrder(fundSourceCode, regionCode).order();
    }

    /** An approved claim left off an order because supervision holds it. */
    public record Skipped(long claimId, String claimNo, List<String> alertNos,
            List<String> categories) implements Serializable {

        public Skipped {
            // Kept in the session as a flash attribute across the redirect: plain lists.
            alertNos = new ArrayList<>(alertNos);
            categories = new ArrayList<>(categories);
        }

    }

    /** An order opened and the claims it skipped because they are held. */
    public record Opened(PaymentOrder order, List<Skipped> skipped) {
    }

    /**
     * As {@link #open}, saying which approved claims were left off because a supervision
     * alert holds them ({@link ClaimSupervision}); when every payable claim is held,
     * nothing is opened and the refusal names them.
     */
    @Transactional
    public Opened openOrder(String fundSourceCode, String regionCode) {
        CurrentUser me = Payments.requireOfficer();
        List<Problem> problems = new ArrayList<>();
        boolean city = regionCode != null && RegionCode.isWellFormed(regionCode)
                && new RegionCode(regionCode).level() == RegionCode.Level.CITY;
        if (!city) {
            problems.add(new Problem("regionCode", "subsidy.payment.error.city"));
        }
        else if (!me.scope().coversRegion(regionCode)) {
            problems.add(new Problem("regionCode", "subsidy.payment.error.outOfScope"));
        }
        if (fundSourceCode == null || rules.fundSources().stream().noneMatch(f -> f.code().equals(fundSourceCode))) {
            problems.add(new Problem("fundSourceCode", "subsidy.payment.error.fundSource"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<PaymentStore.Payable> candidates = store.payable(regionCode, fundSourceCode);
        if (candidates.isEmpty()) {
            throw InvalidInputException.of(null, "subsidy.payment.error.nothing");
        }
        Map<Long, List<ClaimSupervision.Hold>> held = holds
            .byClaim(candidates.stream().map(PaymentStore.Payable::claimId).toList());
        List<Skipped> skipped = new ArrayList<>();
        List<PaymentStore.Payable> payable = new ArrayList<>();
        for (PaymentStore.Payable p : candidates) {
            List<ClaimSupervision.Hold> h = held.get(p.claimId());
            if (h == null || h.isEmpty()) {
                payable.add(p);
            }
            else {
                skipped.add(new Skipped(p.claimId(),
                        claimStore.find(p.claimId(), ScopeSql.UNSCOPED).orElseThrow().claimNo(),
                        h.stream().map(ClaimSupervision.Hold::alertNo).distinct().toList(),
                        h.stream().map(ClaimSupervision.Hold::category).distinct().sorted().toList()));
            }
        }
        if (payable.isEmpty()) {
            throw InvalidInputException.of(null, "subsidy.payment.error.allHeld",
                    String.join(", ", skipped.stream().map(Skipped::claimNo).toList()));
        }
        Instant now = clock.instant();
        long amount = payable.stream().mapToLong(PaymentStore.Payable::amountFen).sum();
        long id = store.insertOrder("ZF" + regionCode + "-", fundSourceCode, regionCode, payable.size(), amount,
                me.username(), now);
        List<Long> claimIds = payable.stream().map(PaymentStore.Payable::claimId).toList();
        try {
            for (PaymentStore.Payable p : payable) {
                store.insertLine(id, p);
            }
        }
        catch (DuplicateKeyException | ConcurrencyFailureException raced) {
            throw InvalidInputException.of(null, "subsidy.payment.error.concurrent");
        }
        if (claimStore.changeStatusAll(claimIds, ClaimStatus.APPROVED, ClaimStatus.IN_PAYMENT, now) != claimIds
            .size()) {
            // A claim changed status after it was read: undo everything.
            throw InvalidInputException.of(null, "subsidy.payment.error.concurrent");
        }
        PaymentOrder order = payments.get(id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("orderNo", order.orderNo());
        after.put("region", regionCode);
        after.put("fundSource", fundSourceCode);
        after.put("lines", payable.size());
        after.put("amountFen", amount);
        after.put("claims", claimIds);
        if (!skipped.isEmpty()) {
            // Approved claims left off because supervision holds them, and by which
            // alerts.
            Map<String, Object> held0 = new LinkedHashMap<>();
            skipped.forEach(k -> held0.put(k.claimNo(), k.alertNos()));
            after.put("skippedHeld", held0);
        }
        audit.record(AuditEvent.of("subsidy.payment.open", "payment_order", id, null, after));
        return new Opened(order, List.copyOf(skipped));
    }

}
