package org.jixing.reference.api;

import java.util.List;

import org.jixing.reference.ActionLine;
import org.jixing.reference.Department;
import org.jixing.reference.Occupation;
import org.jixing.reference.Plan;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.ReferenceLists;
import org.jixing.reference.ReferencePermission;
import org.jixing.reference.ReferencePermission.Allowed;
import org.jixing.reference.Region;
import org.jixing.reference.SkillLevel;
import org.jixing.reference.TraineeGroup;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.RecordNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The reference data every other system counts against; any signed-in caller reads it.
 */
@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "Reference data", description = "The plan, action lines and targets, regions, occupations, levels, groups")
class ReferenceApi {

    private final ReferenceCatalogue reference;

    ReferenceApi(ReferenceCatalogue reference) {
        this.reference = reference;
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/plan")
    @Operation(summary = "The plan: document, years and overall target")
    Plan plan() {
        return reference.plan();
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/action-lines")
    @Operation(summary = "The action lines with their lead departments, sub-targets and annual numbers")
    List<ActionLine> actionLines() {
        return reference.actionLines();
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/action-lines/{code}")
    ActionLine actionLine(@PathVariable String code) {
        return reference.actionLine(code).orElseThrow(() -> new RecordNotFoundException("action line", code));
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/regions")
    @Operation(summary = "Regions (province, cities, counties); ?parent= gives the children of one")
    List<Region> regions(@RequestParam(required = false) String parent) {
        return parent == null ? reference.regions()
                : reference.regions().stream().filter(r -> parent.equals(r.parentCode())).toList();
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/occupations")
    @Operation(summary = "Occupations, paged; filter by action line and by a part of the name or code")
    PageResult<Occupation> occupations(@RequestParam(required = false) String line,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return ReferenceLists.occupations(reference, line, q, Math.max(0, page), PageResult.size(size));
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/skill-levels")
    List<SkillLevel> skillLevels() {
        return reference.skillLevels();
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/trainee-groups")
    List<TraineeGroup> traineeGroups() {
        return reference.traineeGroups();
    }

    @Allowed(ReferencePermission.REFERENCE_READ)
    @GetMapping("/departments")
    List<Department> departments() {
        return reference.departments();
    }

}
