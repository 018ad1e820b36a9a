package org.jixing.demo.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimLine;
import org.jixing.subsidy.Claims;
import org.jixing.subsidy.PaymentLine;
import org.jixing.subsidy.PaymentOrder;
import org.jixing.subsidy.BankFiles;
import org.jixing.subsidy.BankResults;
import org.jixing.subsidy.PaymentOrders;
import org.jixing.subsidy.Payments;
import org.jixing.subsidy.Recoveries;
import org.jixing.subsidy.Recovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo province's payments and recoveries: each city's approved claims gathered on a
 * payment order per fund source, the bank file exported and the bank's answer imported as
 * a bank would send it (a few accounts refused, so those claims wait for the next order;
 * two cities' orders still waiting for the bank), then a few paid claims found improper:
 * a fake training with the provider suspended, a fake evaluation partly repaid, one
 * repaid in full. Everything goes through the subsidy module's services, as the officers
 * who do it.
 */
@Component
class DemoPayments {

    private static final Logger log = LoggerFactory.getLogger(DemoPayments.class);

    /** Cities whose latest order was exported and waits for the bank's answer. */
    static final Set<String> AWAITING_BANK = Set.of("370700", "371300");

    /** The demo account's own provider: never sanctioned by the demo. */
    private static final long DEMO_PROVIDER = 1;

    private static final String[] FAILURES = { "账户已销户", "户名与账号不符", "账户冻结" };

    private final Payments payments;

    private final PaymentOrders paymentOrders;

    private final BankFiles bankFiles;

    private final BankResults bankResults;

    private final Recoveries recoveries;

    private final Claims claims;

    private final ReferenceCatalogue reference;

    DemoPayments(Payments payments, PaymentOrders paymentOrders, BankFiles bankFiles, BankResults bankResults,
            Recoveries recoveries, Claims claims, ReferenceCatalogue reference) {
        this.payments = payments;
        this.paymentOrders = paymentOrders;
        this.bankFiles = bankFiles;
        this.bankResults = bankResults;
        this.recoveries = recoveries;
        this.claims = claims;
        this.reference = reference;
    }

    /** What the demo did, for the log. */
    record Outcome(int orders, int paid, int failed, int awaitingBank, int recoveries, Money recovered) {
    }

    Outcome generate(LocalDate today, CurrentUser admin, List<Long> approved) {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(DemoSeeder.SEED + 13);
        // City × fund source of every approved claim, in a stable order.
        TreeMap<String, TreeSet<String>> sources = new TreeMap<>();
        for (long id : approved) {
            Claim c = DemoProvince.as(admin, () -> claims.get(id));
            sources.computeIfAbsent(c.regionCode().substring(0, 4) + "00", k -> new TreeSet<>())
                .add(c.fundSourceCode());
        }
        // Two cities' orders wait for the bank (another city when the demo is too small
        // for them).
        Set<String> awaitingCities = new TreeSet<>(AWAITING_BANK);
        awaitingCities.retainAll(sources.keySet());
        if (awaitingCities.isEmpty() && sources.size() > 1) {
            awaitingCities.add(sources.lastKey());
        }
        int orders = 0;
        int paid = 0;
        int failed = 0;
        int awaitingBank = 0;
        List<Long> paidClaims = new ArrayList<>();
        for (var city : sources.entrySet()) {
            CurrentUser officer = DemoProvince.officer(reference.region(city.getKey()).orElseThrow());
            for (String source : city.getValue()) {
                PaymentOrder order = DemoProvince.as(officer, () -> paymentOrders.open(source, city.getKey()));
                orders++;
                DemoProvince.as(officer, () -> bankFiles.bankFile(order.id()));
                List<PaymentLine> lines = DemoProvince.as(officer, () -> payments.lines(order.id()));
                if (awaitingCities.contains(city.getKey()) && source.equals(city.getValue().first())) {
                    awaitingBank++;
                    continue;
                }
                StringBuilder result = new StringBuilder(String.join(",", BankResults.RESULT_HEADER)).append("\r\n");
                for (PaymentLine l : lines) {
                    boolean fails = random.nextInt(100) < 2;
                    result.append(l.id())
                        .append(',')
                        .append(l.payeeAccount())
                        .append(',')
                        .append(l.amount().toYuanString())
                        .append(fails ? ",FAILED,," + FAILURES[random.nextInt(FAILURES.length)]
                                : ",SUCCESS,SD" + today.getYear() + String.format("%08d", l.id()) + ",")
                        .append("\r\n");
                    if (fails) {
                        failed++;
                    }
                    else {
                        paid++;
                        paidClaims.add(l.claimId());
                    }
                }
                byte[] file = result.toString().getBytes(StandardCharsets.UTF_8);
                DemoProvince.as(officer, () -> bankResults.importResults(order.id(), file));
            }
        }

        // A few paid claims found improper.
        int opened = 0;
        Money recovered = Money.ZERO;
        Recovery.Reason[] reasons = { Recovery.Reason.FAKE_TRAINING, Recovery.Reason.FAKE_EVALUATION,
                Recovery.Reason.OTHER, Recovery.Reason.FAKE_TRAINING };
        String[] details = { "回访核查：两名学员称未参加培训，签到照片系他人代签。", "结业考核记录系事后补录，考核视频缺失。", "同一学员在同期另一培训班重复申领，按规定追回。",
                "抽查发现实际到课人数与签到记录不符。" };
        for (int i = 0; i < paidClaims.size() && opened < reasons.length; i += Math.max(1, paidClaims.size() / 5)) {
            long claimId = paidClaims.get(i);
            Claim c = DemoProvince.as(admin, () -> claims.get(claimId));
            boolean suspend = opened == 0 && c.providerId() != DEMO_PROVIDER;
            List<ClaimLine> lines = DemoProvince.as(admin, () -> claims.lines(claimId));
            Set<Long> chosen = opened == 2 ? Set.of() : Set.of(lines.get(0).id());
            int n = opened;
            CurrentUser officer = DemoProvince
                .officer(reference.region(c.regionCode().substring(0, 4) + "00").orElseThrow());
            try {
                Recovery r = DemoProvince.as(officer,
                        () -> recoveries.open(claimId, new Recoveries.Finding(chosen, reasons[n], details[n],
                                today.plusDays(30), suspend ? Recoveries.Sanction.SUSPEND : Recoveries.Sanction.NONE)));
                recovered = recovered.plus(r.amount());
                if (n == 1) {
                    Money half = Money.ofFen(r.amount().fen() / 2);
                    DemoProvince.as(officer, () -> recoveries.repay(r.id(), r.version(), half, today, "HK" + r.id()));
                }
                else if (n == 2) {
                    DemoProvince.as(officer,
                            () -> recoveries.repay(r.id(), r.version(), r.amount(), today, "HK" + r.id()));
                }
                opened++;
            }
            catch (InvalidInputException refused) {
                log.debug("Demo recovery of claim {} refused: {}", claimId, refused.getMessage());
                i++;
            }
        }
        Outcome o = new Outcome(orders, paid, failed, awaitingBank, opened, recovered);
        log.info(
                "Demo payments in {} s: {} orders ({} awaiting the bank), {} lines paid, {} failed; {} recoveries of "
                        + "{} yuan",
                String.format("%.1f", (System.nanoTime() - started) / 1e9), o.orders(), o.awaitingBank(), o.paid(),
                o.failed(), o.recoveries(), o.recovered().toYuanString());
        return o;
    }

}
