package org.jixing.statistics.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.dhatim.fastexcel.BorderSide;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.jixing.shared.web.XlsxDownload;
import org.jixing.statistics.Pace;
import org.jixing.statistics.ProgressReport;
import org.jixing.statistics.ProgressViews;
import org.jixing.statistics.StatisticsPermission;
import org.jixing.statistics.StatisticsPermission.Allowed;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The progress dashboard (a year as of today, narrowed to a city or a line, every figure
 * leading to its classes) and the progress report as an XLSX to print.
 */
@Controller
class ProgressPages {

    private final ProgressViews views;

    private final ProgressReport report;

    private final ReferenceCatalogue reference;

    private final MessageSource messages;

    private final JsonMapper json;

    ProgressPages(ProgressViews views, ProgressReport report, ReferenceCatalogue reference, MessageSource messages,
            JsonMapper json) {
        this.views = views;
        this.report = report;
        this.reference = reference;
        this.messages = messages;
        this.json = json;
    }

    @Allowed(StatisticsPermission.PROGRESS_READ)
    @GetMapping("/statistics")
    String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) String city,
            @RequestParam(required = false) String line, Locale locale, Model model) {
        int y = year == null ? views.today().getYear() : year;
        ProgressViews.Dashboard d = views.dashboard(y, city, line);
        model.addAttribute("d", d);
        var plan = reference.plan();
        List<Integer> years = new ArrayList<>();
        for (int i = plan.startYear(); i <= Math.max(plan.endYear(), views.today().getYear()); i++) {
            years.add(i);
        }
        model.addAttribute("years", years);
        // The selectors offer what the scope shows, not only the narrowing.
        model.addAttribute("cityChoices", views.dashboardCities());
        model.addAttribute("lineChoices", views.dashboardLines());
        model.addAttribute("from", LocalDate.of(y, 1, 1));
        model.addAttribute("until", d.asOf());
        model.addAttribute("today", views.today());
        model.addAttribute("chartJson", charts(d, locale));
        return "statistics/progress";
    }

    /** What the charts draw, with the address each bar leads to. */
    private String charts(ProgressViews.Dashboard d, Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("locale", "en".equals(locale.getLanguage()) ? "EN" : "ZH");
        String from = LocalDate.of(d.year(), 1, 1).toString();
        String until = d.asOf().toString();
        String base = "/statistics?year=" + d.year();
        out.put("labels",
                Map.of("share", msg("progress.chart.share", locale), "due", msg("progress.chart.due", locale), "done",
                        msg("progress.chart.done", locale), "target", msg("progress.chart.target", locale), "thisYear",
                        msg("progress.chart.thisYear", locale, String.valueOf(d.year())), "lastYear",
                        msg("progress.chart.lastYear", locale, String.valueOf(d.year() - 1))));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ProgressViews.LineRow l : d.lines()) {
            Pace p = l.figure().pace();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", l.line().number() + ". " + l.line().name(locale));
            m.put("share", p.share() == null ? null : Math.round(p.share() * 1000) / 10.0);
            m.put("due", Math.round(p.due() * 1000) / 10.0);
            m.put("status", p.status().name());
            m.put("href", base + "&line=" + l.line().code() + (d.city() == null ? "" : "&city=" + d.city().code()));
            lines.add(m);
        }
        out.put("lines", lines);
        List<Map<String, Object>> cities = new ArrayList<>();
        for (ProgressViews.CityRow c : d.cities()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.city().name(locale));
            m.put("done", c.figure().done());
            m.put("target", c.figure().pace().target());
            m.put("status", c.figure().pace().status().name());
            m.put("href", base + "&city=" + c.city().code() + (d.line() == null ? "" : "&line=" + d.line().code()));
            cities.add(m);
        }
        out.put("cities", cities);
        List<Map<String, Object>> months = new ArrayList<>();
        for (ProgressViews.MonthRow m : d.months()) {
            LocalDate first = LocalDate.of(d.year(), m.month(), 1);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", "en".equals(locale.getLanguage())
                    ? first.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) : m.month() + "月");
            row.put("done", m.done());
            row.put("lastYear", m.lastYear());
            row.put("href", classes(d, null, null, first, first.plusMonths(1).minusDays(1), null));
            months.add(row);
        }
        out.put("months", months);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ProgressViews.GroupRow g : d.groups()) {
            groups.add(Map.of("name", g.group().name(locale), "done", g.done(), "href",
                    classes(d, null, null, LocalDate.parse(from), LocalDate.parse(until), g.group().code())));
        }
        out.put("groups", groups);
        // Not markup: "</" cannot close the script element that carries it.
        return json.writeValueAsString(out).replace("</", "<\\/");
    }

    /** The class list behind a figure: completions in a span, in a line and region. */
    static String classes(ProgressViews.Dashboard d, String line, String region, LocalDate from, LocalDate until,
            String group) {
        String l = line != null ? line : d.line() == null ? null : d.line().code();
        String r = region != null ? region : d.city() == null ? null : d.city().code();
        StringBuilder href = new StringBuilder("/classes?completedFrom=").append(from)
            .append("&completedUntil=")
            .append(until.isAfter(d.asOf()) ? d.asOf() : until);
        if (l != null) {
            href.append("&line=").append(l);
        }
        if (r != null) {
            href.append("&region=").append(r);
        }
        if (group != null) {
            href.append("&group=").append(group);
        }
        return href.toString();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /**
     * The progress report for a day (default today) as an XLSX: a sheet per view, titled,
     * stamped with when it was made, laid out to print on A4 landscape.
     */
    @Allowed(StatisticsPermission.PROGRESS_READ)
    @GetMapping("/statistics/report.xlsx")
    void reportXlsx(@RequestParam(required = false) String date, Locale locale, HttpServletResponse response)
            throws IOException {
        LocalDate day = report.day(date);
        ProgressReport.Report r = report.of(day, locale);
        response.setContentType(XlsxDownload.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                    .filename("progress-report-" + day + ".xlsx", StandardCharsets.UTF_8)
                    .build()
                    .toString());
        String planName = reference.plan().name(locale);
        String made = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .format(r.generatedAt().atZone(ZoneId.of("Asia/Shanghai")));
        List<String> headings = report.headings(locale);
        Workbook workbook = new Workbook(response.getOutputStream(), "Jixing", "1.0");
        for (ProgressReport.View view : ProgressReport.View.values()) {
            Worksheet ws = workbook
                .newWorksheet(msg("progress.report.sheet." + view.name().toLowerCase(Locale.ROOT), locale));
            ws.value(0, 0, msg("progress.report.title", locale, planName, day.toString()) + " · "
                    + msg("progress.report.view." + view.name().toLowerCase(Locale.ROOT), locale));
            ws.style(0, 0).bold().fontSize(14).set();
            ws.range(0, 0, 0, headings.size() - 1).merge();
            ws.value(1, 0, msg("progress.report.generated", locale, made));
            ws.range(1, 0, 1, headings.size() - 1).merge();
            for (int c = 0; c < headings.size(); c++) {
                ws.value(2, c, headings.get(c));
                ws.style(2, c).bold().fillColor("DDEBF7").wrapText(true).borderStyle(BorderSide.BOTTOM, "thin").set();
            }
            int row = 3;
            for (ProgressReport.Row data : r.rows(view)) {
                List<Object> cells = report.cells(data, locale);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v instanceof Number n) {
                        ws.value(row, c, n);
                        boolean share = c == 6 || c == 7;
                        ws.style(row, c).format(share ? "0.0%" : "#,##0").set();
                    }
                    else if (v != null) {
                        ws.value(row, c, v.toString());
                    }
                }
                if (data.level() == 0) {
                    ws.style(row, 1).bold().set();
                }
                if (data.status() == Pace.Status.RED) {
                    ws.style(row, 8).fontColor("C00000").set();
                }
                row++;
            }
            ws.width(0, 12);
            ws.width(1, 36);
            for (int c = 2; c < headings.size(); c++) {
                ws.width(c, 12);
            }
            ws.freezePane(2, 3);
            ws.repeatRows(2);
            ws.pageOrientation("landscape");
            ws.paperSize(PaperSize.A4_PAPER);
            ws.setFitToPage(true);
            ws.fitToWidth((short) 1);
            ws.fitToHeight((short) 0);
            ws.footer(msg("progress.report.generated", locale, made), Position.LEFT);
            ws.footer("&P / &N", Position.RIGHT);
        }
        workbook.finish();
    }

    @Configuration
    static class Navigation {

        @Bean
        NavItem progressNav() {
            return new NavItem("nav.progress", "/statistics", 250, StatisticsPermission.PROGRESS_READ.roles());
        }

    }

}
