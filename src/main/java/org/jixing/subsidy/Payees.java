package org.jixing.subsidy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.subsidy.internal.PayeeStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account a provider is paid into, kept by its own staff. */
@Service
public class Payees {

    private final PayeeStore store;

    private final AuditTrail audit;

    private final Clock clock;

    Payees(PayeeStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where the caller's provider is paid. */
    @Transactional(readOnly = true)
    public Optional<Payee> ownPayee() {
        return store.payee(ownProvider(SubsidyPermission.requireProviderStaff()));
    }

    /** The provider's staff enter the account their provider is paid into. */
    @Transactional
    public Payee savePayee(String accountName, String accountNo, String bankName) {
        CurrentUser me = SubsidyPermission.requireProviderStaff();
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
        Optional<Payee> before = store.payee(provider);
        Payee p = new Payee(provider, accountName.strip(), no, bankName.strip());
        store.savePayee(p, me.username(), clock.instant());
        audit.record(AuditEvent.of("subsidy.payee.save", "provider", provider,
                before.map(b -> Map.<String, Object>of("accountNo", AccountNumbers.mask(b.accountNo()))).orElse(null),
                Map.of("accountName", p.accountName(), "accountNo", AccountNumbers.mask(no), "bank", p.bankName())));
        return p;
    }

    private static long ownProvider(CurrentUser me) {
        return Long.parseLong(me.scope().ref());
    }

}
