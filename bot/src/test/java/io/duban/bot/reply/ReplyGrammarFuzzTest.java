package io.duban.bot.reply;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * 10,000 random and hostile strings from a fixed seed (so a failure reproduces): the grammar must answer every one
 * without an exception — tested on {@link ReplyGrammar#interpret}, below the safety net of {@code parse} — and
 * whatever it answers must be well-formed.
 */
class ReplyGrammarFuzzTest {

    private static final long SEED = 0x5EED_D0BA_2025L;
    private static final int CASES = 10_000;

    /** Help text plus a 40-character quote is the longest answer; anything near this bound is a bug. */
    private static final int MAX_QUESTION = 1_000;
    private static final int MAX_UNDERSTOOD = 8 * 24 + 2;

    private static final String[] HOSTILE = {
            "{\"$gt\": \"\"}", "{\"$where\": \"sleep(1000)\"}", "'; DROP TABLE commitments; --", "\" OR 1=1 --",
            "${jndi:ldap://x}", "${jndi:ldap://127.0.0.1/a}", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "%s%s%s%n%x", "../../../../etc/passwd", "\u0000", "\r\n\r\n", "\u202E#31 进度 80%\u202C", "\uD800",
            "\uDFFF\uD800", "😀", "👨‍👩‍👧‍👦", "🏳️‍🌈", "\u0301\u0301\u0301", "ﷺ", "㍿", "\u00AD", "\u2028\u2029",
            "#31 进度 " + "9".repeat(400) + "%", "#".repeat(300), "#31 ".repeat(400), "进度".repeat(300),
            "百分之".repeat(200), "2027-02-30 ".repeat(150), "@" + "a".repeat(500) + " #31 进度 80%",
            "#" + "a".repeat(38) + "/31 进度 80%", "#" + "a".repeat(60) + "/31 进度 80%", "#99999 进度 80%",
            "#31 延期 9999-99-99 原因", "#31 延期 2027-06-30 " + "\u200B".repeat(500), "收到 #31 ".repeat(200)};

    private static final String[] VALID = {
            "#31 进度 80% 完成可研批复", "进度 #31 80%", "＃３１ 进度８０％", " 31号 进展80% 已完成招标", "#31 80%",
            "#31 已完成 补助已拨付", "#31 完成", "#31 办结 资金已拨付", "#31 延期 2027-06-30 资金未到位",
            "#31 M2 延期至 2027/6/30 原因：审批流程长", "#31 申请延期到2027年6月30日，因为配套资金未到位",
            "#31 困难 资金缺口2亿元", "#31 重大事项：征地受阻", "收到 #31", "我的承诺", "帮助", "#nzf-2023-1/31 进度 45%",
            "#31 进度 百分之八十 说明"};

    @Test
    void ten_thousand_random_and_hostile_strings_never_break_the_grammar() {
        Random random = new Random(SEED);
        List<String> inputs = new ArrayList<>(CASES);
        for (String hostile : HOSTILE) {
            inputs.add(hostile);
        }
        inputs.add("说".repeat(ReplyGrammar.MAX_LENGTH));
        inputs.add("说".repeat(ReplyGrammar.MAX_LENGTH + 1));
        inputs.add("#31 进度 80% " + "x".repeat(200_000));
        inputs.add("😀".repeat(ReplyGrammar.MAX_LENGTH));
        while (inputs.size() < CASES) {
            inputs.add(switch (random.nextInt(4)) {
                case 0 -> randomCodePoints(random);
                case 1 -> mutate(random, VALID[random.nextInt(VALID.length)]);
                case 2 -> mutate(random, mutate(random, VALID[random.nextInt(VALID.length)]));
                default -> splice(random);
            });
        }

        Map<Class<?>, Integer> kinds = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            Reply reply;
            try {
                reply = ReplyGrammar.interpret(input);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("case " + i + " threw on " + escape(input), e);
            }
            check(i, input, reply);
            kinds.merge(reply.getClass(), 1, Integer::sum);
            assertThat(ReplyGrammar.interpret(input)).as("pure: case %d", i).isEqualTo(reply);
        }
        // The mutations must keep enough valid replies alive that the property checks above really ran on each kind.
        assertThat(inputs).hasSize(CASES);
        assertThat(kinds).as("reply kinds seen: %s", kinds).allSatisfy((kind, count) -> assertThat(count).isPositive())
                .containsKeys(ReportProgressReply.class, ReportCompletionReply.class, RequestDeadlineChangeReply.class,
                        RaiseBlockerReply.class, AcknowledgeReply.class, NotUnderstoodReply.class, HelpReply.class);
        assertThat(kinds.get(ReportProgressReply.class)).isGreaterThan(100);
        assertThat(kinds.get(NotUnderstoodReply.class)).isGreaterThan(CASES / 2);
    }

    private static void check(int i, String input, Reply reply) {
        String where = "case " + i + " " + escape(input) + " -> " + reply;
        if (reply == null) {
            fail("null reply for " + where);
        } else if (reply instanceof ReportProgressReply p) {
            assertThat(p.ref()).as(where).isNotNull();
            assertThat(p.percent()).as(where).isBetween(0, 100);
            assertBoundedText(p.note(), where);
        } else if (reply instanceof ReportCompletionReply c) {
            assertThat(c.ref()).as(where).isNotNull();
            assertBoundedText(c.summary(), where);
        } else if (reply instanceof RequestDeadlineChangeReply d) {
            assertThat(d.ref()).as(where).isNotNull();
            assertThat(d.date()).as(where).isBetween(LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31));
            assertThat(d.reason()).as(where).isNotBlank();
            assertBoundedText(d.reason(), where);
            if (d.milestoneId() != null) {
                assertThat(d.milestoneId()).as(where).matches("M[1-9][0-9]?");
            }
        } else if (reply instanceof RaiseBlockerReply b) {
            assertThat(b.ref()).as(where).isNotNull();
            assertThat(b.summary()).as(where).isNotBlank();
            assertBoundedText(b.summary(), where);
        } else if (reply instanceof AcknowledgeReply a) {
            assertThat(a.ref()).as(where).isNotNull();
        } else if (reply instanceof NotUnderstoodReply n) {
            assertThat(n.question()).as(where).isNotBlank().hasSizeLessThanOrEqualTo(MAX_QUESTION);
            assertThat(n.understood()).as(where).isNotNull().hasSizeLessThanOrEqualTo(MAX_UNDERSTOOD);
            assertThat(n.text()).as(where).doesNotContain("\u0000");
        } else {
            assertThat(reply).as(where).isInstanceOfAny(ListMineReply.class, HelpReply.class);
        }
    }

    private static void assertBoundedText(String text, String where) {
        assertThat(text).as(where).isNotNull().hasSizeLessThanOrEqualTo(ReplyGrammar.MAX_NORMALIZED_LENGTH);
        assertThat(text.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL)).as("no control chars: " + where).isTrue();
        assertThat(text.chars().noneMatch(c -> Character.getType(c) == Character.FORMAT)).as("no format chars: " + where).isTrue();
        assertThat(text).as(where).isEqualTo(text.strip());
    }

    /** Code points from the ranges that matter: ASCII, controls, CJK, full-width, punctuation, marks, emoji, lone surrogates. */
    private static String randomCodePoints(Random random) {
        int length = random.nextInt(10) == 0 ? random.nextInt(3_000) : random.nextInt(60);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(11)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5F);
                case 2 -> 0x4E00 + random.nextInt(0x5200);
                case 3 -> 0xFF01 + random.nextInt(0x5E);
                case 4 -> 0x3000 + random.nextInt(0x40);
                case 5 -> 0x2000 + random.nextInt(0x70);
                case 6 -> 0x1F300 + random.nextInt(0x300);
                case 7 -> 0xD800 + random.nextInt(0x800);
                case 8 -> "#%0123456789年月日号项进度完成延期困难收到M/-.:".codePointAt(random.nextInt(32));
                case 9 -> 0x0300 + random.nextInt(0x70);
                default -> random.nextInt(0x110000);
            };
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static String mutate(Random random, String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
            switch (random.nextInt(7)) {
                case 0 -> out.insert(at, HOSTILE[random.nextInt(HOSTILE.length)]);
                case 1 -> { if (at < out.length()) out.deleteCharAt(at); }
                case 2 -> out.insert(at, (char) random.nextInt(0x10000));
                case 3 -> out.insert(at, Integer.toString(random.nextInt(100_000)));
                case 4 -> out.insert(at, random.nextBoolean() ? "%" : "％");
                case 5 -> out.insert(at, VALID[random.nextInt(VALID.length)]);
                default -> { if (at < out.length()) out.setCharAt(at, (char) ('0' + random.nextInt(10))); }
            }
        }
        return out.toString();
    }

    private static String splice(Random random) {
        StringBuilder out = new StringBuilder();
        int parts = 1 + random.nextInt(5);
        for (int p = 0; p < parts; p++) {
            out.append(random.nextBoolean() ? HOSTILE[random.nextInt(HOSTILE.length)] : VALID[random.nextInt(VALID.length)]);
            out.append(random.nextBoolean() ? " " : "");
        }
        return out.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(120).forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return "\"" + out + (text.length() > 120 ? "…(" + text.length() + " chars)" : "") + "\"";
    }
}
