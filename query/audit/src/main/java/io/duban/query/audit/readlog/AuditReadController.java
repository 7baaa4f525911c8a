package io.duban.query.audit.readlog;

import io.duban.command.api.problem.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/audit/reads?userId=&from=&to=}: who of the inspectors looked at what, newest first (at most
 * 1000). {@code from}/{@code to} are ISO instants or business-zone dates ({@code to} as a date: through that day).
 * For the office and inspectors (route rule {@code /api/audit/**} in {@code SecurityConfiguration}).
 */
@RestController
public class AuditReadController {

    private final AuditReadLog readLog;
    private final Clock clock;

    public AuditReadController(AuditReadLog readLog, Clock clock) {
        this.readLog = readLog;
        this.clock = clock;
    }

    @GetMapping("/api/audit/reads")
    public List<AuditRead> reads(@RequestParam(required = false) String userId,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
        return readLog.find(userId == null || userId.isBlank() ? null : userId.trim(), instant("from", from, false),
                instant("to", to, true));
    }

    private Instant instant(String name, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate date = LocalDate.parse(v);
                return (end ? date.plusDays(1) : date).atStartOfDay(clock.getZone()).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            throw ProblemException.badParameter("参数 " + name + " 应为日期（如 2026-10-01）或带时区的时刻，收到：" + value);
        }
    }
}
