package org.jixing.subsidy.api;

import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.PaymentLine;
import org.jixing.subsidy.PaymentOrder;
import org.jixing.subsidy.BankFiles;
import org.jixing.subsidy.BankResults;
import org.jixing.subsidy.PaymentOrders;
import org.jixing.subsidy.Payments;
import org.jixing.shared.web.CsvDownload;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Payment orders: approved claims sent to the bank, and the bank's results. */
@RestController
@RequestMapping("/api/v1/subsidies/payment-orders")
@Tag(name = "Subsidy payments", description = "Payment orders for approved claims, bank files and bank results")
class PaymentApi {

    private final Payments payments;

    private final PaymentOrders paymentOrders;

    private final BankFiles bankFiles;

    private final BankResults bankResults;

    PaymentApi(Payments payments, PaymentOrders paymentOrders, BankFiles bankFiles, BankResults bankResults) {
        this.payments = payments;
        this.paymentOrders = paymentOrders;
        this.bankFiles = bankFiles;
        this.bankResults = bankResults;
    }

    /** An order with its lines. */
    record OrderDetail(PaymentOrder order, List<PaymentLine> lines) {
    }

    /**
     * An order just opened, with the approved claims it skipped because supervision holds
     * them.
     */
    record OpenedOrder(PaymentOrder order, List<PaymentLine> lines, List<PaymentOrders.Skipped> skipped) {
    }

    record OpenOrder(String regionCode, String fundSourceCode) {
    }

    @Allowed(SubsidyPermission.PAYMENT_READ)
    @GetMapping
    @Operation(summary = "Payment orders in the caller's scope, newest first")
    PageResult<PaymentOrder> list(@RequestParam(required = false) PaymentOrder.Status status,
            @RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return payments.search(new Payments.Filter(status, region), page, PageResult.size(size));
    }

    @Allowed(SubsidyPermission.PAYMENT_READ)
    @GetMapping("/awaiting")
    @Operation(summary = "Approved claims not yet on a payment order, in the caller's scope")
    List<Claim> awaiting(@RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String fundSourceCode) {
        return payments.awaiting(regionCode, fundSourceCode);
    }

    @Allowed(SubsidyPermission.PAYMENT_WRITE)
    @PostMapping
    @Operation(summary = "Open a payment order for every approved claim of a city and fund source (officers); "
            + "claims held by a supervision alert are skipped and listed in skipped")
    ResponseEntity<OpenedOrder> open(@RequestBody(required = false) OpenOrder body) {
        if (body == null) {
            throw InvalidInputException.of("regionCode", "subsidy.error.required");
        }
        PaymentOrders.Opened opened = paymentOrders.openOrder(body.fundSourceCode(), body.regionCode());
        PaymentOrder o = opened.order();
        OrderDetail d = detail(o.id());
        return ResponseEntity.created(URI.create("/api/v1/subsidies/payment-orders/" + o.id()))
            .body(new OpenedOrder(d.order(), d.lines(), opened.skipped()));
    }

    @Allowed(SubsidyPermission.PAYMENT_READ)
    @GetMapping("/{id}")
    OrderDetail get(@PathVariable long id) {
        return detail(id);
    }

    @Allowed(SubsidyPermission.PAYMENT_READ)
    @GetMapping("/{id}/bank-file.csv")
    @Operation(summary = "The bank file of the order's pending lines (UTF-8 CSV with BOM); "
            + "the first download marks the order exported")
    ResponseEntity<byte[]> bankFile(@PathVariable long id) {
        return CsvDownload.ofText(payments.get(id).orderNo() + ".csv", bankFiles.bankFile(id));
    }

    @Allowed(SubsidyPermission.PAYMENT_WRITE)
    @PostMapping(path = "/{id}/bank-results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the bank's results (CSV: 明细编号,收款账号,金额,结果,银行流水号,失败原因); "
            + "the whole file is refused with every problem when anything is wrong")
    BankResults.ImportOutcome importResults(@PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return bankResults.importResults(id, file.getBytes());
    }

    private OrderDetail detail(long id) {
        return new OrderDetail(payments.get(id), payments.lines(id));
    }

}
