package org.jixing.subsidy.api;

import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.subsidy.FundLedger;
import org.jixing.subsidy.FundLedger.Budget;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Fund budgets and their balances, allocations and reductions, and the ledger check. */
@RestController
@RequestMapping("/api/v1/subsidies/funds")
@Tag(name = "Subsidy funds", description = "Budgets per city, fund source and year; the double-entry ledger")
class FundsApi {

    private final FundLedger ledger;

    FundsApi(FundLedger ledger) {
        this.ledger = ledger;
    }

    /** An allocation or reduction: the amount in yuan, at most two decimals. */
    record Movement(String regionCode, String fundSource, Integer year, String amountYuan, String memo) {
    }

    record CheckBody(boolean reconciles, long transactions, long budgets, Money allocated, List<String> problems) {
    }

    @Allowed(SubsidyPermission.FUND_READ)
    @GetMapping("/balances")
    @Operation(summary = "Budgets in the caller's scope with their balances, for a year or all years, "
            + "optionally of one city")
    List<Budget> balances(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String regionCode) {
        return ledger.budgets(year)
            .stream()
            .filter(b -> regionCode == null || regionCode.isBlank() || b.regionCode().equals(regionCode))
            .toList();
    }

    @Allowed(SubsidyPermission.FUND_WRITE)
    @PostMapping("/allocations")
    @Operation(summary = "Allocate money to a city's budget of a fund source and year (province administrator)")
    ResponseEntity<Budget> allocate(@RequestBody Movement m) {
        Budget b = ledger.allocate(m.regionCode(), m.fundSource(), m.year() == null ? 0 : m.year(),
                yuan(m.amountYuan()), m.memo());
        return ResponseEntity
            .created(URI.create("/api/v1/subsidies/funds/balances?year=" + b.year() + "&regionCode=" + b.regionCode()))
            .body(b);
    }

    @Allowed(SubsidyPermission.FUND_WRITE)
    @PostMapping("/reductions")
    @Operation(summary = "Take back unused money from a city's budget, at most what is available "
            + "(province administrator)")
    Budget reduce(@RequestBody Movement m) {
        if (m.year() == null) {
            throw InvalidInputException.of("year", "subsidy.error.fund.year");
        }
        return ledger.reduce(m.regionCode(), m.fundSource(), m.year(), yuan(m.amountYuan()), m.memo());
    }

    record Reversal(String reason) {
    }

    @Allowed(SubsidyPermission.FUND_WRITE)
    @PostMapping("/allocations/{transactionId}/reversal")
    @Operation(summary = "Reverse an allocation entered in error, with the reason, while its money is still "
            + "available (province administrator); each allocation is reversed at most once")
    Budget reverse(@PathVariable long transactionId, @RequestBody Reversal r) {
        return ledger.reverseAllocation(transactionId, r == null ? null : r.reason());
    }

    @Allowed(SubsidyPermission.FUND_CHECK)
    @GetMapping("/check")
    @Operation(summary = "Check the whole ledger: balanced entries, kept balances, budgets and records agree "
            + "(province administrator, auditor)")
    CheckBody check() {
        FundLedger.Check c = ledger.check();
        return new CheckBody(c.reconciles(), c.transactions(), c.budgets(), c.allocated(), c.problems());
    }

    /** What is not an amount counts as nothing, which the ledger refuses by name. */
    private static Money yuan(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Money.ofYuan(value.strip());
        }
        catch (IllegalArgumentException | ArithmeticException ex) {
            return Money.ZERO;
        }
    }

}
