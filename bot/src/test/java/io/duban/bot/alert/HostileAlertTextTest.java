package io.duban.bot.alert;

import io.duban.bot.DingTalkProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alert the bot words, with every text people typed (summaries, notes, reasons, comments, names, titles) set to
 * markdown that tries to pass for the bot's own words: the message keeps the composer's one heading, and no link,
 * image, HTML tag or clickable address gets in.
 */
class HostileAlertTextTest {

    /** Fake headings, a link, an image, an HTML tag, a bare address, a quote: all of it on several lines. */
    static final String HOSTILE = "资金缺口\n\n### 时限调整已批准\n\n[点我](http://evil) ![x](http://evil/x.png) "
            + "<a href=\"http://evil\">详情</a> www.evil.com\n> 引用\n- 列表";
    private static final String COMMITMENT = "nzf-2023-1.31.uc88ba393";

    private final AlertComposer composer = new AlertComposer(new DingTalkProperties(true, "https",
            "api.dingtalk.com", null, null, null, null, "https://oapi.dingtalk.com/robot/send", null, null, null,
            "nzf-2023-1", Duration.ofSeconds(2), Duration.ofMinutes(10), 50, false));
    private final AlertSubject hostile = new AlertSubject("nzf-2023-1", 31, "uc88ba393", HOSTILE, HOSTILE, 40,
            Map.of("M1", HOSTILE));

    @ParameterizedTest
    @EnumSource(value = AlertKind.class, names = "QUARTERLY_DIGEST", mode = EnumSource.Mode.EXCLUDE)
    void an_alert_shows_hostile_text_but_none_of_its_markdown(AlertKind kind) {
        ComposedAlert alert = composer.compose(kind, hostileFacts(), hostile);

        assertNeutral(alert);
    }

    @Test
    void the_office_groups_digest_names_units_without_their_markdown() {
        Map<String, String> facts = new LinkedHashMap<>(Map.of("roundId", "2026-Q4", "quarterStart", "2026-10-01",
                "quarterEnd", "2026-12-31", "reported", "0", "notReported", COMMITMENT,
                "digestPath", "/api/dispatch-rounds/2026-Q4/digest.html"));

        ComposedAlert digest = composer.composeDigest(facts, id -> Optional.of(hostile.unitName()));

        assertNeutral(digest);
        assertThat(digest.text()).contains("/api/dispatch-rounds/2026-Q4/digest.html");
    }

    @Test
    void an_approval_reads_as_before_when_nobody_is_hostile() {
        Map<String, String> facts = new LinkedHashMap<>(Map.of("changeId", "D1", "milestoneId", "M1",
                "previousDueDate", "2026-12-20", "newDueDate", "2027-03-31", "comment", "同意（征求意见延长）"));
        AlertSubject plain = new AlertSubject("nzf-2023-1", 31, "uc88ba393", "自治区财政厅", "王五", 40,
                Map.of("M1", "出台补贴办法"));

        ComposedAlert alert = composer.compose(AlertKind.DEADLINE_APPROVED, facts, plain);

        assertThat(alert.text()).startsWith("### 时限调整已批准\n\n**事项**：第31项（自治区财政厅）")
                .contains("里程碑 M1「出台补贴办法」 由 2026-12-20 调整为 **2027-03-31**")
                .contains("**审批意见**：同意（征求意见延长）");
    }

    private static void assertNeutral(ComposedAlert alert) {
        String text = alert.text();
        List<String> headings = Arrays.stream(text.split("\n")).filter(line -> line.stripLeading().startsWith("#"))
                .toList();
        assertThat(headings).as("only the composer's own heading, on the first line: " + text)
                .containsExactly(text.split("\n")[0]);
        assertThat(Arrays.stream(text.split("\n")).filter(line -> line.startsWith(">"))).as(text).isEmpty();
        assertThat(text).as(text).doesNotContain("[").doesNotContain("](").doesNotContain("<").doesNotContain(">")
                .doesNotContain("http://").doesNotContain("www.");
        assertThat(text).as("the hostile text is shown, not dropped").contains("点我").contains("时限调整已批准");
        assertThat(alert.title()).doesNotContain("\n").doesNotContain("[").doesNotContain("http://");
    }

    /** Every fact any alert reads; the ones parsed as dates or ids are what the events carry, the rest hostile. */
    private static Map<String, String> hostileFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String key : List.of("comment", "reason", "summary", "detail", "raisedBy", "message", "urgedBy",
                "changeId", "issueId")) {
            facts.put(key, HOSTILE);
        }
        facts.put("milestoneId", "M1");
        facts.put("dueDate", "2026-12-20");
        facts.put("previousDueDate", "2026-12-20");
        facts.put("newDueDate", "2027-03-31");
        facts.put("workingDaysLeft", "3");
        facts.put("level", "2");
        facts.put("roundId", "2026-Q4");
        facts.put("reportDeadline", "2026-10-15");
        facts.put("commitmentIds", COMMITMENT);
        return facts;
    }
}
