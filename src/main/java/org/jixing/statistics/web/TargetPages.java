package org.jixing.statistics.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.XlsxDownload;
import org.jixing.statistics.StatisticsPermission;
import org.jixing.statistics.StatisticsPermission.Allowed;
import org.jixing.statistics.Targets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The split of the annual targets across the cities: a grid the province administrator
 * edits.
 */
@Controller
class TargetPages {

    private static final Pattern CELL = Pattern.compile("t\\[([A-Za-z0-9-]{1,16})]\\[(\\d{6})]");

    private final Targets targets;

    TargetPages(Targets targets) {
        this.targets = targets;
    }

    @Allowed(StatisticsPermission.TARGET_READ)
    @GetMapping("/statistics/targets")
    String show(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year;
        model.addAttribute("split", targets.split(y));
        model.addAttribute("canEdit", CurrentUser.require().hasRole(Role.PROVINCE_ADMIN));
        return "statistics/targets";
    }

    @Allowed(StatisticsPermission.TARGET_WRITE)
    @PostMapping("/statistics/targets")
    String save(@RequestParam int year, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        Map<String, Map<String, String>> typed = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            Matcher m = CELL.matcher(name);
            if (m.matches()) {
                typed.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), values.get(0));
            }
        });
        try {
            int changed = targets.assign(year, typed);
            redirect.addFlashAttribute("notice", "statistics.target.saved");
            redirect.addFlashAttribute("changed", changed);
            return "redirect:/statistics/targets?year=" + year;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("typed", typed);
            show(year, model);
            return "statistics/targets";
        }
    }

    @Allowed(StatisticsPermission.TARGET_READ)
    @GetMapping("/statistics/targets.xlsx")
    void download(@RequestParam(required = false) Integer year, Locale locale, HttpServletResponse response)
            throws IOException {
        int y = year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year;
        List<List<Object>> table = targets.table(y, locale);
        XlsxDownload.write(response, "targets-" + y + ".xlsx", String.valueOf(y),
                table.get(0).stream().map(String::valueOf).toList(), table.subList(1, table.size()).iterator());
    }

    @Allowed(StatisticsPermission.TARGET_WRITE)
    @PostMapping("/statistics/targets/import")
    String upload(@RequestParam int year, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "table.error.empty");
            }
            targets.importTable(year, file.getOriginalFilename(), file.getInputStream());
            redirect.addFlashAttribute("notice", "statistics.target.saved");
            return "redirect:/statistics/targets?year=" + year;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            show(year, model);
            return "statistics/targets";
        }
    }

}
