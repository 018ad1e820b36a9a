package org.jixing.supervision.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.subsidy.ClaimRiskFacts;
import org.jixing.subsidy.ClaimRiskFacts.OpenClaim;
import org.jixing.subsidy.ClaimRiskFacts.PayeeEntry;
import org.jixing.supervision.Hit;
import org.jixing.supervision.RiskRule;
import org.jixing.supervision.RuleDefinition;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.Severity;
import org.jixing.supervision.SubjectKind;
import org.springframework.stereotype.Component;

/**
 * SHARED_BANK_ACCOUNT: one payee bank account entered by different providers: the money
 * of several "providers" flows to one hand. A hit per provider, holding its open claims
 * (blocking). It reads every shared account in a scan (a standing condition, cheap: one
 * row per provider) and the claim's provider's on a claim.
 */
@Component
public class SharedBankAccountRule implements RiskRule {

    static final String CODE = "SHARED_BANK_ACCOUNT";

    private final ClaimRiskFacts claims;

    private final Filings filings;

    SharedBankAccountRule(ClaimRiskFacts claims, Filings filings) {
        this.claims = claims;
        this.filings = filings;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CLAIM), List.of(), Severity.HIGH, true, "不同培训机构登记了同一收款银行账户",
                "The same payee bank account is registered by different providers");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.providerIds().isEmpty()) {
            return List.of();
        }
        Map<String, List<PayeeEntry>> shared = claims.sharedAccounts(window.providerIds());
        if (shared.isEmpty()) {
            return List.of();
        }
        Set<Long> providers = shared.values()
            .stream()
            .flatMap(List::stream)
            .map(PayeeEntry::providerId)
            .collect(Collectors.toSet());
        Map<Long, FiledBody> bodies = new LinkedHashMap<>();
        for (long id : providers) {
            filings.find(Registry.PROVIDER, id).ifPresent(b -> bodies.put(id, b));
        }
        Map<Long, List<OpenClaim>> open = claims.openClaims(providers)
            .stream()
            .collect(Collectors.groupingBy(OpenClaim::providerId));
        return hits(shared, bodies, open);
    }

    /** A hit per provider of each account that more than one provider entered. */
    static List<Hit> hits(Map<String, List<PayeeEntry>> shared, Map<Long, FiledBody> bodies,
            Map<Long, List<OpenClaim>> open) {
        List<Hit> out = new ArrayList<>();
        for (var e : shared.entrySet()) {
            List<PayeeEntry> entries = e.getValue();
            if (entries.stream().map(PayeeEntry::providerId).distinct().count() < 2) {
                continue;
            }
            List<Map<String, Object>> listed = new ArrayList<>();
            for (PayeeEntry p : entries) {
                FiledBody b = bodies.get(p.providerId());
                listed.add(Evidence.of("providerId", p.providerId(), "providerName", b == null ? null : b.name(),
                        "regionCode", b == null ? null : b.regionCode(), "accountName", p.accountName(), "bankName",
                        p.bankName(), "enteredAt", p.updatedAt().toString()));
            }
            for (PayeeEntry p : entries) {
                FiledBody b = bodies.get(p.providerId());
                List<OpenClaim> claimsOpen = open.getOrDefault(p.providerId(), List.of());
                List<Hit.Target> targets = new ArrayList<>();
                targets.add(new Hit.Target(SubjectKind.PROVIDER, p.providerId()));
                claimsOpen.forEach(c -> targets.add(new Hit.Target(SubjectKind.CLAIM, c.id())));
                out.add(new Hit(SubjectKind.PROVIDER, p.providerId(),
                        b == null ? String.valueOf(p.providerId()) : b.name(), b == null ? null : b.regionCode(), null,
                        p.providerId(), null, Math.min(100, 70 + 10 * entries.size()),
                        Evidence.of("payeeAccount", Evidence.maskAccount(e.getKey()), "providers",
                                Evidence.capped(listed), "providerCount", entries.size(), "openClaims",
                                Evidence.capped(claimsOpen.stream().map(OpenClaim::claimNo).toList()), "openClaimCount",
                                claimsOpen.size()),
                        targets));
            }
        }
        return out;
    }

}
