package io.duban.console.units;

import io.duban.console.ConsolePage;
import io.duban.console.Queries;
import io.duban.console.Lights;
import io.duban.query.api.light.LightColor;
import io.duban.query.api.scorecard.FindScorecard;
import io.duban.query.api.scorecard.Scorecard;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 单位与考核: every unit's scorecard over a period (default: this year so far and to its end), the ranking with its
 * rule, and the same table as CSV and Excel. One query per page view or export.
 */
@Controller
class UnitsController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Worst first, as the other pages show them. */
    private static final java.util.List<LightColor> LIGHTS = java.util.List.of(LightColor.RED, LightColor.YELLOW,
            LightColor.GREEN, LightColor.DONE, LightColor.NONE);

    private final QueryGateway queries;
    private final Clock clock;

    UnitsController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping(ConsolePage.ROOT + "/units")
    String units(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Period period = period(from, to);
        model.addAttribute("page", ConsolePage.UNITS);
        model.addAttribute("from", period.fromText());
        model.addAttribute("to", period.toText());
        model.addAttribute("errors", period.errors());
        model.addAttribute("rule", Scorecard.RULE);
        model.addAttribute("lights", LIGHTS);
        model.addAttribute("lightKeys", LIGHTS.stream().collect(java.util.stream.Collectors.toMap(c -> c, Lights::key)));
        if (period.errors().isEmpty()) {
            model.addAttribute("card", read(period));
        }
        return "console/units";
    }

    @GetMapping(ConsolePage.ROOT + "/units/scorecard.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Scorecard card = readOrRefuse(from, to);
        return download(ScorecardTable.csv(card).getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "csv", StandardCharsets.UTF_8), "scorecard-" + card.from() + "-" + card.to() + ".csv");
    }

    @GetMapping(ConsolePage.ROOT + "/units/scorecard.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Scorecard card = readOrRefuse(from, to);
        return download(MinimalXlsx.of("考核评价", ScorecardTable.rows(card)), XLSX,
                "scorecard-" + card.from() + "-" + card.to() + ".xlsx");
    }

    private Scorecard readOrRefuse(String from, String to) {
        Period period = period(from, to);
        if (!period.errors().isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST, String.join(" ", period.errors().values()));
        }
        return read(period);
    }

    private Scorecard read(Period period) {
        return Queries.await(queries.query(new FindScorecard(period.from(), period.to()), Scorecard.class));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    /** The period asked for, with the Chinese message per field when it is not a period. */
    private Period period(String from, String to) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = parse(from, today.withDayOfYear(1), "from", errors);
        LocalDate end = parse(to, today.withDayOfYear(today.lengthOfYear()), "to", errors);
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.put("to", "截止日期不能早于起始日期。");
        }
        return new Period(start, end, from == null || from.isBlank() ? String.valueOf(start) : from.strip(),
                to == null || to.isBlank() ? String.valueOf(end) : to.strip(), errors);
    }

    private static LocalDate parse(String text, LocalDate fallback, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "日期格式应为 年-月-日，例如 2026-01-01。");
            return fallback;
        }
    }

    private record Period(LocalDate from, LocalDate to, String fromText, String toText, Map<String, String> errors) {
    }
}
