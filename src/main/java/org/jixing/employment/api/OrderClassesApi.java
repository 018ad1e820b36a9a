package org.jixing.employment.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.employment.EmploymentPermission;
import org.jixing.employment.EmploymentPermission.Allowed;
import org.jixing.employment.OrderClass;
import org.jixing.employment.OrderClassCommitments;
import org.jixing.employment.OrderClassRow;
import org.jixing.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Order classes: linked to demands, the enterprise's commitment and its hires. */
@RestController
@RequestMapping("/api/v1/employment/order-classes")
@Tag(name = "Employment order classes", description = "Order classes, hiring commitments, hires and fulfilment")
class OrderClassesApi {

    private final OrderClassCommitments orderClasses;

    OrderClassesApi(OrderClassCommitments orderClasses) {
        this.orderClasses = orderClasses;
    }

    record Links(List<Long> demandIds) {
    }

    record Commitment(Integer committedCount, LocalDate deadline) {
    }

    record Hires(List<Long> enrolmentIds, LocalDate hiredOn) {
    }

    @Allowed(EmploymentPermission.ORDER_CLASS_READ)
    @GetMapping
    @Operation(summary = "Order classes in the caller's scope with committed and hired")
    PageResult<OrderClassRow> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return orderClasses.search(page, PageResult.size(size));
    }

    @Allowed(EmploymentPermission.ORDER_CLASS_READ)
    @GetMapping("/{classId}")
    @Operation(summary = "An order class: its demands, commitment, hires and the trainees who completed")
    OrderClass get(@PathVariable long classId) {
        return orderClasses.view(classId);
    }

    @Allowed(EmploymentPermission.ORDER_CLASS_LINK)
    @PostMapping("/{classId}/links")
    @Operation(summary = "The provider links its class to approved demands of the class's employer")
    OrderClass link(@PathVariable long classId, @RequestBody Links body) {
        return orderClasses.link(classId, body == null ? null : body.demandIds());
    }

    @Allowed(EmploymentPermission.COMMITMENT_WRITE)
    @PostMapping("/{classId}/commitment")
    @Operation(summary = "The enterprise confirms the class and commits to hire a number by a deadline")
    OrderClass commit(@PathVariable long classId, @RequestBody Commitment body) {
        return orderClasses.commit(classId, body == null ? null : body.committedCount(),
                body == null ? null : body.deadline());
    }

    @Allowed(EmploymentPermission.COMMITMENT_WRITE)
    @PostMapping("/{classId}/hires")
    @Operation(summary = "The enterprise records whom it hired: completed enrolments of the class's roster")
    Map<String, Object> hire(@PathVariable long classId, @RequestBody Hires body) {
        int added = orderClasses.recordHires(classId, body == null ? null : body.enrolmentIds(),
                body == null ? null : body.hiredOn());
        OrderClass o = orderClasses.view(classId);
        return Map.of("added", added, "hired", o.fulfilment().hired(), "committed", o.fulfilment().committed());
    }

}
