package org.jixing.subsidy.api;

import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.PageResult;
import org.jixing.subsidy.Recoveries;
import org.jixing.subsidy.Recovery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recovery orders for improper subsidies and the repayments against them. */
@RestController
@RequestMapping("/api/v1/subsidies")
@Tag(name = "Subsidy recovery", description = "Recovering money paid for fake training or evaluation")
class RecoveriesApi {

    private final Recoveries recoveries;

    RecoveriesApi(Recoveries recoveries) {
        this.recoveries = recoveries;
    }

    record RecoveryDetail(Recovery recovery, List<Long> claimLineIds, List<org.jixing.subsidy.Repayment> repayments) {
    }

    record Repayment(int version, String amountYuan, LocalDate paidOn, String reference) {
    }

    @Allowed(SubsidyPermission.RECOVERY_READ)
    @GetMapping("/recoveries")
    PageResult<Recovery> list(@RequestParam(required = false) Long claimId,
            @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return recoveries.search(claimId, open, page, PageResult.size(size));
    }

    @Allowed(SubsidyPermission.RECOVERY_WRITE)
    @PostMapping("/claims/{claimId}/recoveries")
    @Operation(summary = "Open a recovery for trainees of a paid claim found improper (officers); "
            + "no claimLineIds means every line not yet recovered; sanction NONE, SUSPEND or BLACKLIST")
    ResponseEntity<RecoveryDetail> open(@PathVariable long claimId, @RequestBody Recoveries.Finding finding) {
        Recovery r = recoveries.open(claimId, finding == null
                ? new Recoveries.Finding(Set.of(), null, null, null, Recoveries.Sanction.NONE) : finding);
        return ResponseEntity.created(URI.create("/api/v1/subsidies/recoveries/" + r.id())).body(detail(r.id()));
    }

    @Allowed(SubsidyPermission.RECOVERY_READ)
    @GetMapping("/recoveries/{id}")
    RecoveryDetail get(@PathVariable long id) {
        return detail(id);
    }

    @Allowed(SubsidyPermission.RECOVERY_WRITE)
    @PostMapping("/recoveries/{id}/repayments")
    @Operation(summary = "Record money the provider paid back (amount in yuan, at most two decimals)")
    RecoveryDetail repay(@PathVariable long id, @RequestBody Repayment body) {
        recoveries.repay(id, body.version(), yuan(body.amountYuan()), body.paidOn(), body.reference());
        return detail(id);
    }

    static Money yuan(String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of("amount", "subsidy.error.amount.positive");
        }
        try {
            return Money.ofYuan(value);
        }
        catch (IllegalArgumentException ex) {
            throw InvalidInputException.of("amount", "subsidy.error.amount.positive");
        }
    }

    private RecoveryDetail detail(long id) {
        return new RecoveryDetail(recoveries.get(id), recoveries.lines(id), recoveries.repayments(id));
    }

}
