package io.duban.bot.reply;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the head of a normalised reply: from the start, skip separators, take the longest token that matches here,
 * repeat; stop at the first thing that is not a token. Reading only the head is what keeps notes harmless:
 * "#31 进度 80% 完成可研批复" is progress with the note "完成可研批复", not a completion, because "完成" comes after
 * the head ended and is glued to the following word.
 *
 * <p>Verbs count only as whole words — followed by a space, punctuation, a digit, '#' or the end, never by another
 * Chinese character or letter — so "问题已解决" is not a blocker and "完成招标" is not a completion.
 */
final class HeadScanner {

    /** A verb or filler must not run on into another word; "进度百分之八十" is the one glued form that is meant. */
    private static final String WORD_END = "(?!(?!百分之)[\\p{IsHan}A-Za-z])";

    /** "延期三个月" is a deadline request without a date: read the verb so the answer can ask for the date. */
    private static final String DEADLINE_WORD_END = "(?!(?![一二两三四五六七八九十半])[\\p{IsHan}A-Za-z])";

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,.;:!、]+");
    private static final Pattern MENTION = Pattern.compile("@[^\\s#]+(?=\\s|$)");
    private static final Pattern FILLER = Pattern.compile("(?:至|到|为|是|请)" + WORD_END);

    private static final Pattern REF_HASH = Pattern.compile(
            "#\\s?(?:([A-Za-z0-9][A-Za-z0-9-]{2,39})/)?(\\d{1,4})(?!\\d)(?![-/.][0-9A-Za-z])[号项]?");
    private static final Pattern REF_ORDINAL = Pattern.compile("第\\s?(\\d{1,4})\\s?[项号条]");
    private static final Pattern REF_NUMBER = Pattern.compile("(\\d{1,4})\\s?号");
    private static final Pattern BAD_REF = Pattern.compile("#[^\\s]{0,19}");

    private static final Pattern PERCENT = Pattern.compile("(?<![\\d.])(\\d+)(?:\\.(\\d+))?\\s?%");
    private static final Pattern PERCENT_WORDS = Pattern.compile(
            "百分之\\s?(?:(\\d+)(?:\\.(\\d+))?|([零〇一二两三四五六七八九十百]{1,8}))");

    private static final Pattern DATE_DASHED = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s?([-/.])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{1,2})(?!\\d)(?:\\s?[日号])?");
    private static final Pattern DATE_CHINESE = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s?年\\s?(\\d{1,2})\\s?月\\s?(\\d{1,2})(?!\\d)(?:\\s?[日号])?");
    private static final Pattern DATE_WITHOUT_YEAR = Pattern.compile("(?<!\\d)\\d{1,2}\\s?月\\s?\\d{1,2}(?!\\d)\\s?[日号]?");
    private static final Pattern DATE_WITHOUT_DAY = Pattern.compile(
            "(?<!\\d)\\d{4}\\s?年(?:\\s?\\d{1,2}\\s?月)?(?:份|底|末|初|内|中旬|上旬|下旬)?"
                    + "|(?<!\\d)\\d{4}[-/.]\\d{1,2}(?![\\d/.-])");

    private static final Pattern MILESTONE = Pattern.compile("(?:里程碑|节点)?\\s?[Mm](\\d{1,2})(?![0-9A-Za-z])");

    private static final Pattern PROGRESS = Pattern.compile(
            "(?:目前|当前|现在|总体|整体)?(?:完成|工作|项目)?(?:进度|进展)(?:为|是|达到|已达到|已达|已到|到了|到)?" + WORD_END);
    private static final Pattern COMPLETION = Pattern.compile(
            "(?:已经|均已|已全部|全部|已)?(?:完成|办结|完结|结项)了?" + WORD_END);
    private static final Pattern DEADLINE_ADVANCE = Pattern.compile("(?:申请|需要|拟|请求)?提前(?:至|到)");
    private static final Pattern DEADLINE_CHANGE = Pattern.compile(
            "(?:(?:申请|需要|需|拟|请求|建议)?(?:延期|推迟|延后|顺延|延长期限|延长)(?:办理|完成)?(?:至|到)?|延至|推至)" + DEADLINE_WORD_END);
    private static final Pattern BLOCKER = Pattern.compile(
            "(?:遇到|存在|反映|上报|报告|有)?(?:重大事项|重大问题|困难|问题|阻塞|堵点|卡点|风险)" + WORD_END);
    private static final Pattern ACKNOWLEDGE = Pattern.compile("(?:(?:已经|已)?(?:收到|知悉|阅知|明白)了?|已阅|好的)" + WORD_END);

    private static final int MAX_RAW = 20;

    /** A real head has at most five pieces; past this many the rest is free text, which bounds the work per message. */
    private static final int MAX_TOKENS = 32;

    private HeadScanner() {
    }

    static Head scan(String text) {
        List<HeadToken> tokens = new ArrayList<>();
        int at = 0;
        while (tokens.size() < MAX_TOKENS) {
            at = skip(SEPARATORS, text, at);
            if (at >= text.length()) {
                break;
            }
            Step step = longestAt(text, at);
            if (step == null) {
                break;
            }
            if (step.token() != null) {
                tokens.add(step.token());
            }
            at = step.end();
            if (step.token() instanceof HeadToken.BadRef) {
                break;
            }
        }
        return new Head(tokens, text.substring(Math.min(at, text.length())));
    }

    /** One token (or a filler, token null) and where it ended. */
    private record Step(HeadToken token, int end) {
    }

    private static Step longestAt(String text, int at) {
        Step best = null;
        best = longer(best, filler(MENTION, text, at));
        best = longer(best, filler(FILLER, text, at));
        best = longer(best, match(REF_HASH, text, at, HeadScanner::hashRef));
        best = longer(best, match(REF_ORDINAL, text, at, m -> numberRef(m.group(1), m.group())));
        best = longer(best, match(REF_NUMBER, text, at, m -> numberRef(m.group(1), m.group())));
        best = longer(best, match(PERCENT, text, at, m -> percent(m.group(), m.group(1), m.group(2))));
        best = longer(best, match(PERCENT_WORDS, text, at, HeadScanner::percentInWords));
        best = longer(best, match(DATE_DASHED, text, at, m -> date(m.group(), m.group(1), m.group(3), m.group(4))));
        best = longer(best, match(DATE_CHINESE, text, at, m -> date(m.group(), m.group(1), m.group(2), m.group(3))));
        best = longer(best, match(DATE_WITHOUT_YEAR, text, at, m -> incompleteDate(m.group())));
        best = longer(best, match(DATE_WITHOUT_DAY, text, at, m -> incompleteDate(m.group())));
        best = longer(best, match(MILESTONE, text, at, HeadScanner::milestone));
        best = longer(best, match(PROGRESS, text, at, m -> new HeadToken.Verb(Intent.PROGRESS)));
        best = longer(best, match(COMPLETION, text, at, m -> new HeadToken.Verb(Intent.COMPLETION)));
        best = longer(best, match(DEADLINE_CHANGE, text, at, m -> new HeadToken.Verb(Intent.DEADLINE_CHANGE)));
        best = longer(best, match(DEADLINE_ADVANCE, text, at, m -> new HeadToken.Verb(Intent.DEADLINE_ADVANCE)));
        best = longer(best, match(BLOCKER, text, at, m -> new HeadToken.Verb(Intent.BLOCKER)));
        best = longer(best, match(ACKNOWLEDGE, text, at, m -> new HeadToken.Verb(Intent.ACKNOWLEDGE)));
        if (best == null && text.charAt(at) == '#') {
            best = match(BAD_REF, text, at, m -> new HeadToken.BadRef(m.group()));
        }
        return best;
    }

    private interface TokenOf {
        HeadToken from(Matcher m);
    }

    /** References written with '#' anywhere in the free text; "第3项" there is too often part of the note to count. */
    static List<CommitmentRef> hashRefsIn(String freeText) {
        List<CommitmentRef> refs = new ArrayList<>();
        Matcher m = REF_HASH.matcher(freeText);
        while (m.find()) {
            if (hashRef(m) instanceof HeadToken.Ref ref) {
                refs.add(ref.ref());
            }
        }
        return refs;
    }

    /** Every percentage in the free text, to spot a second, competing one. */
    static List<HeadToken.Percent> percentsIn(String freeText) {
        List<HeadToken.Percent> percents = new ArrayList<>();
        Matcher m = PERCENT.matcher(freeText);
        while (m.find()) {
            percents.add((HeadToken.Percent) percent(m.group(), m.group(1), m.group(2)));
        }
        Matcher words = PERCENT_WORDS.matcher(freeText);
        while (words.find()) {
            if (percentInWords(words) instanceof HeadToken.Percent percent) {
                percents.add(percent);
            }
        }
        return percents;
    }

    /** A token here, or null when the pattern does not match or its match is not usable (e.g. "M0"). */
    private static Step match(Pattern pattern, String text, int at, TokenOf tokenOf) {
        Matcher m = matcherAt(pattern, text, at);
        if (m == null) {
            return null;
        }
        HeadToken token = tokenOf.from(m);
        return token == null ? null : new Step(token, m.end());
    }

    /** Words that carry no meaning of their own ("至", an @mention): skipped, but they keep the head going. */
    private static Step filler(Pattern pattern, String text, int at) {
        Matcher m = matcherAt(pattern, text, at);
        return m == null ? null : new Step(null, m.end());
    }

    private static Matcher matcherAt(Pattern pattern, String text, int at) {
        Matcher m = pattern.matcher(text);
        m.region(at, text.length());
        // Transparent bounds let look-behinds such as (?<!\d) see the character before the region.
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m.lookingAt() && m.end() > at ? m : null;
    }

    private static Step longer(Step best, Step candidate) {
        if (candidate == null) {
            return best;
        }
        return best == null || candidate.end() > best.end() ? candidate : best;
    }

    private static int skip(Pattern pattern, String text, int at) {
        Matcher m = pattern.matcher(text);
        m.region(at, text.length());
        return m.lookingAt() ? m.end() : at;
    }

    private static HeadToken hashRef(Matcher m) {
        int item = Integer.parseInt(m.group(2));
        String policy = m.group(1) == null ? null : m.group(1).toLowerCase(java.util.Locale.ROOT);
        if (item < 1 || (policy != null && !CommitmentRef.POLICY_ID.matcher(policy).matches())) {
            return new HeadToken.BadRef(bounded(m.group()));
        }
        return new HeadToken.Ref(new CommitmentRef(policy, item));
    }

    private static HeadToken numberRef(String digits, String raw) {
        int item = Integer.parseInt(digits);
        return item < 1 ? new HeadToken.BadRef(bounded(raw)) : new HeadToken.Ref(CommitmentRef.item(item));
    }

    private static HeadToken percent(String raw, String whole, String fraction) {
        if (fraction != null && !fraction.chars().allMatch(c -> c == '0')) {
            return new HeadToken.Percent(bounded(raw), -1, HeadToken.Percent.Issue.NOT_INTEGER);
        }
        String digits = stripLeadingZeros(whole);
        if (digits.length() > 3 || Integer.parseInt(digits) > 100) {
            return new HeadToken.Percent(bounded(raw), -1, HeadToken.Percent.Issue.OUT_OF_RANGE);
        }
        return new HeadToken.Percent(bounded(raw), Integer.parseInt(digits), HeadToken.Percent.Issue.NONE);
    }

    private static HeadToken percentInWords(Matcher m) {
        if (m.group(1) != null) {
            return percent(m.group(), m.group(1), m.group(2));
        }
        OptionalInt value = ChineseNumber.parse(m.group(3));
        if (value.isEmpty()) {
            return null;
        }
        if (value.getAsInt() > 100) {
            return new HeadToken.Percent(bounded(m.group()), -1, HeadToken.Percent.Issue.OUT_OF_RANGE);
        }
        return new HeadToken.Percent(bounded(m.group()), value.getAsInt(), HeadToken.Percent.Issue.NONE);
    }

    private static HeadToken date(String raw, String year, String month, String day) {
        int y = Integer.parseInt(year);
        try {
            LocalDate date = LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
            if (y < 2000 || y > 2099) {
                return new HeadToken.Date(bounded(raw), null, HeadToken.Date.Issue.OUT_OF_RANGE);
            }
            return new HeadToken.Date(bounded(raw), date, HeadToken.Date.Issue.NONE);
        } catch (DateTimeException e) {
            return new HeadToken.Date(bounded(raw), null, HeadToken.Date.Issue.IMPOSSIBLE);
        }
    }

    private static HeadToken incompleteDate(String raw) {
        return new HeadToken.Date(bounded(raw.strip()), null, HeadToken.Date.Issue.INCOMPLETE);
    }

    private static HeadToken milestone(Matcher m) {
        int number = Integer.parseInt(m.group(1));
        return number < 1 ? null : new HeadToken.Milestone("M" + number);
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** Tokens quote what the official typed; keep the quote short whatever they typed. */
    private static String bounded(String raw) {
        return Excerpt.of(raw, MAX_RAW);
    }
}
