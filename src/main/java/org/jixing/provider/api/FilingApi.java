package org.jixing.provider.api;

import org.jixing.provider.ProviderPermission;
import org.jixing.provider.ProviderPermission.Allowed;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.provider.BodyFilter;
import org.jixing.provider.BodyKind;
import org.jixing.provider.FiledBody;
import org.jixing.provider.FilingApplication;
import org.jixing.provider.FilingDecision;
import org.jixing.provider.FilingStatus;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.provider.StatusChange;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Training providers ({@code /api/v1/providers}) and evaluation bodies
 * ({@code /api/v1/evaluation-bodies}): the same filing, the same scopes as the pages.
 */
@RestController
@RequestMapping("/api/v1/{registry:providers|evaluation-bodies}")
@Tag(name = "Providers and evaluation bodies", description = "Filing (备案) of training providers and evaluation bodies")
class FilingApi {

    private final Filings filings;

    FilingApi(Filings filings) {
        this.filings = filings;
    }

    /**
     * A decision: {@code verb} is approve, reject, suspend, blacklist or reinstate;
     * {@code version} is the body's version as last read.
     */
    record DecisionRequest(String verb, Integer version, String reason, String filingNo, LocalDate validFrom,
            LocalDate validUntil) {

        FilingDecision toDecision() {
            if (version == null) {
                throw InvalidInputException.of("version", "provider.error.required");
            }
            if (verb == null) {
                throw InvalidInputException.of("verb", "provider.error.required");
            }
            return switch (verb) {
                case "approve" -> new FilingDecision.Approve(version, filingNo, validFrom, validUntil);
                case "reject" -> new FilingDecision.Reject(version, reason);
                case "suspend" -> new FilingDecision.Suspend(version, reason);
                case "blacklist" -> new FilingDecision.Blacklist(version, reason);
                case "reinstate" -> new FilingDecision.Reinstate(version, reason);
                default -> throw InvalidInputException.of("verb", "provider.error.verb");
            };
        }
    }

    @Allowed(ProviderPermission.BODY_READ)
    @GetMapping
    @Operation(summary = "List the bodies in the caller's scope, paged and filtered")
    PageResult<FiledBody> list(@PathVariable String registry, @RequestParam(required = false) FilingStatus status,
            @RequestParam(required = false) BodyKind kind,
            @Parameter(description = "a city or county code") @RequestParam(required = false) String region,
            @Parameter(description = "name, credit code or filing number") @RequestParam(required = false) String q,
            @Parameter(description = "name, until (validity ending soonest), applied (oldest first); "
                    + "default region then name") @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return filings.search(Registry.fromPath(registry), new BodyFilter(status, kind, region, q, sort),
                Math.max(0, page), PageResult.size(size));
    }

    @Allowed(ProviderPermission.BODY_READ)
    @GetMapping("/{id}")
    @Operation(summary = "One body; 404 when it does not exist or lies outside the caller's scope")
    FiledBody get(@PathVariable String registry, @PathVariable long id) {
        return filings.get(Registry.fromPath(registry), id);
    }

    @Allowed(ProviderPermission.BODY_READ)
    @GetMapping("/{id}/history")
    @Operation(summary = "The body's filing history")
    List<StatusChange> history(@PathVariable String registry, @PathVariable long id) {
        return filings.history(Registry.fromPath(registry), id);
    }

    @Allowed(ProviderPermission.BODY_FILE)
    @PostMapping
    @Operation(summary = "Register a filing application (region officers and the province)")
    ResponseEntity<FiledBody> apply(@PathVariable String registry, @RequestBody FilingApplication application) {
        FiledBody body = filings.apply(Registry.fromPath(registry), application);
        return ResponseEntity.created(URI.create("/api/v1/" + registry + "/" + body.id())).body(body);
    }

    @Allowed(ProviderPermission.BODY_DECIDE)
    @PostMapping("/{id}/decisions")
    @Operation(summary = "Approve, reject, suspend, blacklist or reinstate")
    FiledBody decide(@PathVariable String registry, @PathVariable long id, @RequestBody DecisionRequest request) {
        return filings.decide(Registry.fromPath(registry), id, request.toDecision());
    }

}
