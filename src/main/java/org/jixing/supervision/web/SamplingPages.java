package org.jixing.supervision.web;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.ProvinceTime;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.web.FileDownload;
import org.jixing.shared.web.NavItem;
import org.jixing.supervision.InspectionSample;
import org.jixing.supervision.NewVisit;
import org.jixing.supervision.SampleVerification;
import org.jixing.supervision.Samples;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.jixing.supervision.Visit;
import org.jixing.supervision.VisitVerdict;
import org.jixing.supervision.Visits;
import org.jixing.training.Enrolment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inspection sampling and visits: the month's sample of each city in scope with the draw
 * button, one sample with its classes, weights and visits and the check of its draw, the
 * phone-sized visit form and a visit's page.
 */
@Controller
@RequestMapping("/supervision")
class SamplingPages {

    private final Samples samples;

    private final Visits visits;

    private final ReferenceCatalogue reference;

    private final Clock clock;

    SamplingPages(Samples samples, Visits visits, ReferenceCatalogue reference, Clock clock) {
        this.samples = samples;
        this.visits = visits;
        this.reference = reference;
        this.clock = clock;
    }

    /** A city of the scope and its sample of the month, if drawn. */
    record CitySample(Region city, InspectionSample sample) {
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/samples")
    String list(@RequestParam(required = false) String month, Model model) {
        String current = YearMonth.now(clock.withZone(ProvinceTime.CHINA)).toString();
        String m = month == null || month.isBlank() ? current : month.strip();
        List<InspectionSample> drawn;
        try {
            drawn = samples.list(m, null);
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            m = current;
            drawn = samples.list(m, null);
        }
        Map<String, InspectionSample> byCity = new LinkedHashMap<>();
        drawn.forEach(s -> byCity.put(s.regionCode(), s));
        CurrentUser me = CurrentUser.require();
        List<CitySample> cities = new ArrayList<>();
        for (Region city : reference.cities()) {
            if (me.scope().coversRegion(city.code())) {
                cities.add(new CitySample(city, byCity.get(city.code())));
            }
        }
        model.addAttribute("month", m);
        model.addAttribute("cities", cities);
        model.addAttribute("mayDraw", SupervisionPermission.SAMPLE_DRAW.allows(me));
        model.addAttribute("sharePercent", samples.shareBasisPoints() / 100.0);
        return "supervision/samples";
    }

    @Allowed(SupervisionPermission.SAMPLE_DRAW)
    @PostMapping("/samples")
    String draw(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String month,
            Model model, RedirectAttributes redirect) {
        try {
            InspectionSample s = samples.draw(regionCode, month);
            redirect.addFlashAttribute("notice", "supervision.sample.drawn");
            return "redirect:/supervision/samples/" + s.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            return list(month, model);
        }
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/samples/{id}")
    String sample(@PathVariable long id, Model model) {
        model.addAttribute("sample", samples.get(id));
        model.addAttribute("mayVisit", SupervisionPermission.CASE_WORK.allows(CurrentUser.require()));
        return "supervision/sample";
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/samples/{id}/verify")
    String verify(@PathVariable long id, Model model) {
        SampleVerification v = samples.verify(id);
        model.addAttribute("verification", v);
        return sample(id, model);
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @GetMapping("/visits/new")
    String form(@RequestParam long classId, Model model) {
        Visits.VisitForm form = visits.form(classId);
        model.addAttribute("form", form);
        model.addAttribute("verdicts", VisitVerdict.values());
        model.addAttribute("maxPhotos", Visits.MAX_PHOTOS);
        model.addAttribute("maxPhotoMb", Visits.MAX_PHOTO_BYTES / 1024 / 1024);
        return "supervision/visit-form";
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/visits")
    String record(@RequestParam long classId, @RequestParam(required = false) List<Long> present,
            @RequestParam(required = false) String unknownPresent, @RequestParam(required = false) String remarks,
            @RequestParam(required = false) VisitVerdict verdict,
            @RequestParam(required = false, defaultValue = "false") boolean openCase,
            @RequestParam(required = false) List<MultipartFile> photos, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            Integer unknown = parseCount(unknownPresent);
            List<Visit.Upload> uploads = new ArrayList<>();
            if (photos != null) {
                for (MultipartFile f : photos) {
                    if (f != null && !f.isEmpty()) {
                        uploads.add(new Visit.Upload(f.getOriginalFilename(), f.getBytes()));
                    }
                }
            }
            Visit v = visits.record(new NewVisit(classId, present, unknown, remarks, verdict, openCase), uploads);
            redirect.addFlashAttribute("notice", "supervision.visit.recorded");
            return "redirect:/supervision/visits/" + v.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("draftPresent", present == null ? List.of() : present);
            model.addAttribute("draftUnknown", unknownPresent);
            model.addAttribute("draftRemarks", remarks);
            model.addAttribute("draftVerdict", verdict);
            model.addAttribute("draftOpenCase", openCase);
            return form(classId, model);
        }
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/visits/{id}")
    String visit(@PathVariable long id, Model model) {
        Visit v = visits.get(id);
        Map<Long, Enrolment> names = new LinkedHashMap<>();
        visits.rosterOf(v).forEach(e -> names.put(e.id(), e));
        model.addAttribute("visit", v);
        model.addAttribute("names", names);
        return "supervision/visit";
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/visits/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        Visits.PhotoFile f = visits.photo(id, photoId);
        return FileDownload.of(f.photo().fileName(), MediaType.parseMediaType(f.photo().contentType()), f.content());
    }

    private static Integer parseCount(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            return Integer.valueOf(s.strip());
        }
        catch (NumberFormatException ex) {
            throw InvalidInputException.of("unknownPresent", "supervision.error.visit.unknown", Visits.MAX_UNKNOWN);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem inspectionSamplesNav() {
            return new NavItem("supervision.nav.samples", "/supervision/samples", 640,
                    SupervisionPermission.CASE_READ.roles())
                .inGroup("nav.group.supervision");
        }

    }

}
