package org.jixing.enterprise.api;

import org.jixing.enterprise.EnterprisePermission;
import org.jixing.enterprise.EnterprisePermission.Allowed;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.enterprise.Enterprise;
import org.jixing.enterprise.Enterprises;
import org.jixing.enterprise.NewEnterprise;
import org.jixing.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The enterprise registry, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "Enterprises", description = "The enterprise registry: credit code, name, region")
class EnterpriseApi {

    private final Enterprises enterprises;

    EnterpriseApi(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @Allowed(EnterprisePermission.ENTERPRISE_READ)
    @GetMapping
    @Operation(summary = "Enterprises in the caller's scope; q matches name or credit code")
    PageResult<Enterprise> list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return enterprises.search(q, region, Math.max(0, page), PageResult.size(size));
    }

    @Allowed(EnterprisePermission.ENTERPRISE_READ)
    @GetMapping("/{creditCode}")
    @Operation(summary = "One enterprise; 404 outside the caller's scope")
    Enterprise get(@PathVariable String creditCode) {
        return enterprises.get(creditCode);
    }

    @Allowed(EnterprisePermission.ENTERPRISE_REGISTER)
    @PostMapping
    @Operation(summary = "Register an enterprise (province administrators anywhere, city officers in their region)")
    ResponseEntity<Enterprise> register(@RequestBody NewEnterprise enterprise) {
        Enterprise e = enterprises.register(enterprise);
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + e.creditCode())).body(e);
    }

}
