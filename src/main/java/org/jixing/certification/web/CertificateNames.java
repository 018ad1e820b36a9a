package org.jixing.certification.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jixing.reference.Occupation;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.SkillLevel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Level and occupation names for the certificate pages, by code. */
@Component
class CertificateNames {

    private final ReferenceCatalogue catalogue;

    CertificateNames(ReferenceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    Map<String, SkillLevel> levels() {
        return catalogue.skillLevels().stream().collect(Collectors.toMap(SkillLevel::code, Function.identity()));
    }

    Map<String, Occupation> occupations() {
        return catalogue.occupations().stream().collect(Collectors.toMap(Occupation::code, Function.identity()));
    }

    void addTo(Model model) {
        model.addAttribute("levels", levels());
        model.addAttribute("occupations", occupations());
    }

}
