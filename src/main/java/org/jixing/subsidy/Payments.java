package org.jixing.subsidy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jixing.shared.Money;
import org.jixing.shared.PageResult;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.subsidy.internal.ClaimStore;
import org.jixing.subsidy.internal.PaymentStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying approved claims, read side: what waits for payment, payment orders and their
 * lines. The use cases sit beside it: {@link PaymentOrders} opens an order,
 * {@link BankFiles} writes the file the bank pays from, {@link BankResults} imports what
 * the bank did. Nothing is paid twice: a claim is on one live line at a time, a line is
 * changed only while pending, the ledger books a line once, and imports of one order are
 * serialised on its version, all enforced by the database.
 */
@Service
public class Payments {

    private final PaymentStore store;

    private final ClaimStore claimStore;

    private final Claims claims;

    private final ScopeGuard guard;

    Payments(PaymentStore store, ClaimStore claimStore, Claims claims, ScopeGuard guard) {
        this.store = store;
        this.claimStore = claimStore;
        this.claims = claims;
        this.guard = guard;
    }

    /**
     * Approved claims not yet on a payment order, in the caller's scope; region and fund
     * source narrow them when given.
     */
    @Transactional(readOnly = true)
    public List<Claim> awaiting(String regionCode, String fundSourceCode) {
        return claimStore.awaitingPayment(regionCode, fundSourceCode, ScopeSql.forCurrentUser(ClaimStore.SCOPE));
    }

    /**
     * How many approved claims, for how much, wait for an order in a city and fund
     * source.
     */
    public record Awaiting(String cityCode, String fundSourceCode, int claims, Money amount) {
    }

    @Transactional(readOnly = true)
    public List<Awaiting> awaitingByCity() {
        Map<String, Awaiting> m = new TreeMap<>();
        for (Claim c : awaiting(null, null)) {
            String city = new RegionCode(c.regionCode()).cityCode();
            m.merge(city + "|" + c.fundSourceCode(), new Awaiting(city, c.fundSourceCode(), 1, c.amount()),
                    (a, b) -> new Awaiting(a.cityCode(), a.fundSourceCode(), a.claims() + b.claims(),
                            a.amount().plus(b.amount())));
        }
        return List.copyOf(m.values());
    }

    @Transactional(readOnly = true)
    public PaymentOrder get(long id) {
        return guard.require(store.find(id, ScopeSql.forCurrentUser(PaymentStore.SCOPE)), "payment_order", id,
                () -> store.exists(id));
    }

    /** What the order list shows: any status and region inside the caller's scope. */
    public record Filter(PaymentOrder.Status status, String regionCode) {

        public static final Filter ALL = new Filter(null, null);

    }

    @Transactional(readOnly = true)
    public PageResult<PaymentOrder> search(Filter filter, int page, int size) {
        Filter f = filter == null ? Filter.ALL : filter;
        var scope = ScopeSql.forCurrentUser(PaymentStore.SCOPE);
        return new PageResult<>(store.search(f.status(), f.regionCode(), scope, PageResult.offset(page, size), size),
                page, size, store.count(f.status(), f.regionCode(), scope));
    }

    @Transactional(readOnly = true)
    public List<PaymentLine> lines(long orderId) {
        get(orderId);
        return store.lines(orderId);
    }

    /**
     * The payment lines of a claim, for whoever may see the claim (its provider too).
     */
    @Transactional(readOnly = true)
    public List<PaymentLine> linesOfClaim(long claimId) {
        claims.get(claimId);
        return store.linesOfClaim(claimId);
    }

    static CurrentUser requireOfficer() {
        CurrentUser me = CurrentUser.require();
        if (!SubsidyPermission.PAYMENT_WRITE.allows(me)) {
            throw new AccessDeniedException("officers pay subsidies");
        }
        return me;
    }

}
