package io.duban.harness.drill.abuse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static io.duban.harness.drill.abuse.HostileEndpoint.APPOINT_OFFICIAL;
import static io.duban.harness.drill.abuse.HostileEndpoint.APPROVAL;
import static io.duban.harness.drill.abuse.HostileEndpoint.AUDIT_VERIFY;
import static io.duban.harness.drill.abuse.HostileEndpoint.CALLBACK;
import static io.duban.harness.drill.abuse.HostileEndpoint.COMPLETION_CLAIM;
import static io.duban.harness.drill.abuse.HostileEndpoint.DEADLINE_CHANGE;
import static io.duban.harness.drill.abuse.HostileEndpoint.DEV_FAULTS;
import static io.duban.harness.drill.abuse.HostileEndpoint.DEV_REPLY;
import static io.duban.harness.drill.abuse.HostileEndpoint.IMPORT_POLICY;
import static io.duban.harness.drill.abuse.HostileEndpoint.ISSUE;
import static io.duban.harness.drill.abuse.HostileEndpoint.JSON_COMMANDS;
import static io.duban.harness.drill.abuse.HostileEndpoint.MILESTONE_COMPLETION;
import static io.duban.harness.drill.abuse.HostileEndpoint.PROGRESS;
import static io.duban.harness.drill.abuse.HostileEndpoint.REBUILD_VIEWS;
import static io.duban.harness.drill.abuse.HostileEndpoint.REGISTER;
import static io.duban.harness.drill.abuse.HostileEndpoint.REJECTION;
import static io.duban.harness.drill.abuse.HostileEndpoint.REMOVE_OFFICIAL;
import static io.duban.harness.drill.abuse.HostileEndpoint.REOPENING;
import static io.duban.harness.drill.abuse.HostileEndpoint.RESOLUTION;
import static io.duban.harness.drill.abuse.HostileEndpoint.UNIT_COMMANDS;
import static io.duban.harness.drill.abuse.HostileEndpoint.UNIT_URGING;
import static io.duban.harness.drill.abuse.HostileEndpoint.URGING;
import static io.duban.harness.drill.abuse.HostileEndpoint.VERIFICATION;

/**
 * Generates hostile requests, deterministically for a seed: the same seed and targets give the same requests, byte for
 * byte, in the same order. The first {@code HostileCategory.values().length} requests visit every category once; after
 * that categories are drawn by weight.
 * <p>
 * Every request is built so that the service must refuse it (or, for the two routes that never record on their own,
 * at least record nothing): each carries a poison — an invalid value, a malformed body, a foreign target, a wrong
 * actor or a bad signature. When a category's change alone might leave a valid request (a null body where no body is
 * needed, a random JSON tree that happens to parse), a second poison is added: a foreign target or a refused actor.
 */
final class HostileBodies {

    static final String JSON = "application/json";
    static final String JSON_UTF8 = "application/json;charset=UTF-8";
    static final int MIB = 1024 * 1024;

    /** Injection strings and broken replies, used as text, ids and DingTalk messages. */
    static final String[] NASTY = {
            "{\"$gt\": \"\"}", "{\"$where\": \"sleep(1000)\"}", "'; DROP TABLE DomainEventEntry; --",
            "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "%00", "../../etc/passwd", "null", "undefined",
            "NaN", "\t\n\r", "　", "#", "＃", "#0", "#99999", "#31-2", "#31 进度", "#31 进度 -5%", "#31 进度 101%",
            "#31 进度 80% 90%", "#31 延期", "#31 延期 2027-02-30 原因", "#31 延期 2027-06-30", "#31 困难",
            "#31 进度 80% 已完成", "收到", "#NZF/31 进度 80%", "#31 进度 1e2%", "#31 延期 2027年6月 原因",
            "进度 80%", "80%", "#31 #32 进度 80%", "🙂🙂🙂", "\u202e#31 进度 08%", "{{7*7}}", "`rm -rf /`",
            "\\\\server\\share", "%s%s%s%n", "A".repeat(300)};

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final long seed;
    private final HostileTargets t;
    private final Random random;
    private final List<HostileCategory> categories = List.of(HostileCategory.values());
    private final int totalWeight = categories.stream().mapToInt(HostileCategory::weight).sum();
    private int index;

    HostileBodies(long seed, HostileTargets targets) {
        this.seed = seed;
        this.t = targets;
        this.random = new Random(seed);
    }

    /** The next request. */
    HostileRequest next() {
        int i = index++;
        HostileCategory category = i < categories.size() ? categories.get(i) : weighted();
        Draft d = new Draft(i, category);
        switch (category) {
            case MALFORMED_JSON -> malformed(d);
            case WRONG_TYPES -> wrongTypes(d);
            case HUGE_VALUES -> huge(d);
            case DEEP_NESTING -> deepNesting(d);
            case NULLS -> nulls(d);
            case UNICODE -> unicode(d);
            case CONTENT_TYPE -> contentType(d);
            case EMPTY_BODY -> empty(d);
            case DUPLICATE_KEYS -> duplicateKeys(d);
            case NUMBERS -> numbers(d);
            case IMPOSSIBLE_DATES -> dates(d);
            case OTHER_UNIT -> otherUnit(d);
            case PATH_TRAVERSAL -> traversal(d);
            case OVERSIZED -> oversized(d);
            case WRONG_ACTOR -> wrongActor(d);
            case RANDOM_FUZZ -> fuzz(d);
            case CALLBACK_BAD_SIGNATURE -> badSignature(d);
            case CALLBACK_SIGNED_HOSTILE -> signedHostile(d);
        }
        if (!d.guaranteed) {
            forceRefusal(d);
        }
        return d.build();
    }

    List<HostileRequest> next(int count) {
        List<HostileRequest> requests = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            requests.add(next());
        }
        return requests;
    }

    private HostileCategory weighted() {
        int r = random.nextInt(totalWeight);
        for (HostileCategory c : categories) {
            r -= c.weight();
            if (r < 0) {
                return c;
            }
        }
        throw new IllegalStateException("weights");
    }

    // --- the valid baseline of each route ----------------------------------------------------------------------

    enum Kind { TEXT, INT, LONG, DATE, ID, ENUM, MILESTONES, NAMES, PERSON, BOOL }

    /** One field of a valid body: its JSON value as written, its limit (characters, for text) and whether required. */
    record Field(String name, Kind kind, String valid, int limit, boolean required) {
    }

    List<Field> fields(HostileEndpoint e) {
        return switch (e) {
            case REGISTER -> List.of(
                    new Field("policyId", Kind.ID, q(t.policyId()), 0, true),
                    new Field("itemNumber", Kind.INT, String.valueOf(t.freeItem()), 0, true),
                    new Field("responsible", Kind.PERSON, "{\"name\":\"王五\",\"position\":\"处长\"}", 50, true),
                    new Field("roadmap", Kind.TEXT, q("先制定实施方案，再分步落实"), 4000, true),
                    new Field("startDate", Kind.DATE, q(t.start().toString()), 0, true),
                    new Field("dueDate", Kind.DATE, q(t.due().toString()), 0, true),
                    new Field("milestones", Kind.MILESTONES, "[{\"title\":\"制定实施方案\",\"dueDate\":\""
                            + t.milestoneDue() + "\"}]", 30, true));
            case PROGRESS -> List.of(
                    new Field("percent", Kind.INT, "60", 100, true),
                    new Field("note", Kind.TEXT, q("按计划推进"), 2000, false));
            case MILESTONE_COMPLETION, APPROVAL, VERIFICATION -> List.of(
                    new Field("text", Kind.TEXT, q("同意"), 2000, false));
            case DEADLINE_CHANGE -> List.of(
                    new Field("milestoneId", Kind.ID, q(t.milestone()), 0, false),
                    new Field("requestedDueDate", Kind.DATE, q(t.milestoneDue().plusDays(30).toString()), 0, true),
                    new Field("reason", Kind.TEXT, q("征求意见时间延长"), 2000, true));
            case REJECTION, RESOLUTION, REOPENING, REMOVE_OFFICIAL -> List.of(
                    new Field("text", Kind.TEXT, q("理由充分"), 2000, true));
            case COMPLETION_CLAIM -> List.of(new Field("text", Kind.TEXT, q("已完成"), 4000, true));
            case URGING, UNIT_URGING -> List.of(new Field("text", Kind.TEXT, q("请按时报送进展"), 1000, true));
            case ISSUE -> List.of(
                    new Field("summary", Kind.TEXT, q("资金缺口"), 200, true),
                    new Field("detail", Kind.TEXT, q("需统筹"), 4000, false));
            case APPOINT_OFFICIAL -> List.of(
                    new Field("userId", Kind.ID, q("drill-official-" + seed), 64, true),
                    new Field("name", Kind.TEXT, q("钱七"), 50, true),
                    new Field("role", Kind.ENUM, q("OFFICIAL"), 0, true),
                    new Field("units", Kind.NAMES, "[\"自治区财政厅\"]", 0, true));
            case AUDIT_VERIFY -> List.of(
                    new Field("globalIndex", Kind.LONG, "1", 0, false),
                    new Field("eventCount", Kind.LONG, "1", 0, false),
                    new Field("headHash", Kind.ID, q("00"), 0, false),
                    new Field("at", Kind.TEXT, q("2026-11-25T00:00:00Z"), 0, false),
                    new Field("keyId", Kind.ID, q("k"), 0, false),
                    new Field("signature", Kind.ID, q("AAAA"), 0, false));
            case DEV_REPLY -> List.of(
                    new Field("userId", Kind.ID, q(t.ownOfficial()), 0, true),
                    new Field("text", Kind.TEXT, q("帮助"), 0, true),
                    new Field("group", Kind.BOOL, "false", 0, false));
            // harmless when accepted: no outage, no failures
            case DEV_FAULTS -> List.of(
                    new Field("outage", Kind.BOOL, "false", 0, false),
                    new Field("failNextCalls", Kind.INT, "0", 0, false),
                    new Field("rateLimitNextCalls", Kind.INT, "0", 0, false));
            case IMPORT_POLICY, REBUILD_VIEWS, CALLBACK -> List.of();
        };
    }

    private String validBody(HostileEndpoint e) {
        return object(fields(e), null, null);
    }

    /** The body with {@code replaced}'s value swapped for {@code value} (null leaves the field out). */
    private String object(List<Field> fields, Field replaced, String value) {
        StringBuilder out = new StringBuilder("{");
        for (Field f : fields) {
            String v = f.equals(replaced) ? value : f.valid();
            if (v == null) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(q(f.name())).append(':').append(v);
        }
        return out.append('}').toString();
    }

    // --- categories --------------------------------------------------------------------------------------------

    private static final List<HostileEndpoint> JSON_ROUTES;

    static {
        List<HostileEndpoint> routes = new ArrayList<>(JSON_COMMANDS);
        routes.add(AUDIT_VERIFY);
        routes.add(DEV_REPLY);
        routes.add(DEV_FAULTS);
        JSON_ROUTES = List.copyOf(routes);
    }

    private void malformed(Draft d) {
        HostileEndpoint e = pick(JSON_ROUTES);
        d.rest(e);
        String body = validBody(e);
        String broken;
        String how;
        switch (random.nextInt(14)) {
            case 0 -> {
                broken = body.substring(0, 1 + random.nextInt(body.length() - 1));
                how = "truncated";
            }
            case 1 -> {
                String[] garbage = {"}", "]", ",", "x", "{\"text\":\"x\"}", "null", "//", "\u0000", "'", "{"};
                broken = body + pick(garbage);
                how = "trailing garbage";
            }
            case 2 -> {
                broken = body.replace('"', '\'');
                how = "single quotes";
            }
            case 3 -> {
                broken = body.replaceFirst("\"([A-Za-z]+)\":", "$1:");
                how = "unquoted key";
            }
            case 4 -> {
                broken = "{/* comment */" + body.substring(1);
                how = "comment";
            }
            case 5 -> {
                broken = body.substring(0, body.length() - 1) + ",}";
                how = "trailing comma";
            }
            case 6 -> {
                broken = body.replaceFirst(":(\"[^\"]*\"|[-0-9.]+|true|false)", ":" + pick("NaN", "Infinity", "-Infinity",
                        "undefined", "True", "nil"));
                how = "non-JSON literal";
            }
            case 7 -> {
                broken = body.replaceFirst("\":", "\" ").replace("\",\"", "\" \"");
                how = "missing colon/comma";
            }
            case 8 -> {
                broken = pick("{", "[", "}", "\"", "nul", "tru", "{\"text\":}", "{\"text\"}", "{:}", "{\"\":",
                        ",", "[}", "{]");
                how = "fragment";
            }
            case 9 -> {
                broken = "<request><percent>60</percent><text>同意</text></request>";
                how = "XML as JSON";
            }
            case 10 -> {
                broken = body.replaceFirst("\"([^\"]*)\"(?=[,}])", "\"$1\u0001\"");
                how = "unescaped control character in a string";
            }
            case 11 -> {
                broken = body.replaceFirst("\"([^\"]*)\"(?=[,}])", "\"$1");
                how = "unterminated string";
            }
            case 12 -> {
                broken = body.replaceFirst("\"([^\"]*)\"(?=[,}])", "\"$1\\\\q\\\\x41\"").replace("\\\\q", "\\q")
                        .replace("\\\\x41", "\\x41");
                how = "invalid escape";
            }
            default -> {
                broken = body.substring(0, body.length() / 2) + "\uFEFF" + body.substring(body.length() / 2);
                how = "byte order mark inside";
            }
        }
        if (broken.equals(body) || parses(broken.getBytes(StandardCharsets.UTF_8))) {
            broken = body + "}";
            how = "trailing brace";
        }
        d.json(broken).poison("malformed: " + how).guaranteed = true;
    }

    private void wrongTypes(Draft d) {
        HostileEndpoint e = pick(JSON_ROUTES);
        d.rest(e);
        if (random.nextInt(6) == 0) {
            String root = pick("[]", "\"text\"", "42", "true", "[" + validBody(e) + "]", "\"" + validBody(e)
                    .replace("\"", "\\\"") + "\"");
            d.json(root).poison("root is " + root.charAt(0)).guaranteed = true; // every route binds an object
            return;
        }
        List<Field> fields = fields(e);
        Field f = pick(fields);
        String value = switch (f.kind()) {
            case TEXT -> pick("123", "true", "[\"x\"]", "{\"text\":\"x\"}", "1.5", "[]", "{}", "false");
            case INT -> pick("\"60\"", "\"六十\"", "true", "[60]", "{\"value\":60}", "\"\"", "false", "\"0\"");
            case LONG -> pick("\"1\"", "true", "[1]", "{}", "1.5");
            case DATE -> pick("20270630", "true", "{\"year\":2027}", "1.5", "[\"2027-06-30\"]", "false");
            case ID -> pick("31", "true", "[\"M1\"]", "{\"$gt\":\"\"}", "1e3", "{}");
            case ENUM -> pick("1", "0", "\"official\"", "\"ADMIN\"", "[\"OFFICIAL\"]", "true", "\"\"");
            case MILESTONES -> pick("\"制定方案\"", "{\"title\":\"x\",\"dueDate\":\"" + t.milestoneDue() + "\"}", "5",
                    "true", "[\"制定方案\"]", "[[\"x\"]]", "[{\"title\":[\"x\"],\"dueDate\":\"" + t.milestoneDue() + "\"}]");
            case NAMES -> pick("\"自治区财政厅\"", "5", "{}", "[1,2]", "[[]]", "[true]");
            case PERSON -> pick("\"王五\"", "[\"王五\"]", "5", "true", "{\"name\":[\"王五\"]}", "{\"name\":5}");
            case BOOL -> pick("\"false\"", "0", "\"no\"", "[]", "{}");
        };
        d.json(object(fields, f, value)).poison(f.name() + "=" + value).guaranteed = true;
    }

    private void huge(Draft d) {
        int variant = random.nextInt(10);
        if (variant == 0) {
            d.rest(REBUILD_VIEWS).path(REBUILD_VIEWS, "v", "v".repeat(6_000 + random.nextInt(30_000)));
            d.noBody().poison("view name of thousands of characters").guaranteed = true;
            return;
        }
        if (variant == 1) {
            d.rest(IMPORT_POLICY).text("政".repeat(1_000_001)).poison("policy text over 1,000,000 characters")
                    .guaranteed = true;
            return;
        }
        HostileEndpoint e = pick(JSON_COMMANDS);
        d.rest(e);
        List<Field> fields = fields(e);
        Field f = pick(fields);
        String value = switch (f.kind()) {
            case TEXT -> q(pick("x", "字", "🙂", "ab").repeat(f.limit() + 1 + random.nextInt(f.limit() * 3 + 1)));
            case INT -> pick("99999999999999999999", "2147483648", "-2147483649", "1" + "0".repeat(300),
                    "1e999999", "-" + "9".repeat(2000));
            case LONG -> "9223372036854775808";
            case ID -> q(pick("a", "9", "字").repeat(10_000 + random.nextInt(190_000)));
            case ENUM -> q("OFFICIAL".repeat(5_000));
            case DATE -> q(t.milestoneDue() + "x".repeat(50_000));
            case MILESTONES -> milestones(31 + random.nextInt(3_000));
            case NAMES -> names(101 + random.nextInt(20_000));
            case PERSON -> "{\"name\":" + q("王".repeat(51 + random.nextInt(100_000))) + "}";
            case BOOL -> "false";
        };
        d.json(object(fields, f, value)).poison(f.name() + " huge (" + value.length() + " chars)");
        d.guaranteed = f.kind() != Kind.BOOL;
    }

    private static String names(int count) {
        StringBuilder out = new StringBuilder("[\"自治区财政厅\"");
        for (int n = 1; n < count; n++) {
            out.append(",\"单位").append(n).append('"');
        }
        return out.append(']').toString();
    }

    private String milestones(int count) {
        StringBuilder out = new StringBuilder("[");
        for (int n = 0; n < count; n++) {
            if (n > 0) {
                out.append(',');
            }
            out.append("{\"title\":\"里程碑").append(n).append("\",\"dueDate\":\"").append(t.milestoneDue()).append("\"}");
        }
        return out.append(']').toString();
    }

    private void deepNesting(Draft d) {
        HostileEndpoint e = pick(JSON_ROUTES);
        d.rest(e);
        int depth = pickInt(1_001, 2_000, 10_000, 50_000, 200, 999);
        boolean arrays = random.nextBoolean();
        String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
        List<Field> fields = fields(e);
        if (random.nextInt(3) == 0 || fields.isEmpty()) {
            d.json(nested).poison("root nested " + depth + " deep");
        } else {
            Field f = pick(fields);
            d.json(object(fields, f, nested)).poison(f.name() + " nested " + depth + " deep");
            d.guaranteed = true; // no field takes an array or an unknown object
            return;
        }
        // over Jackson's nesting limit always fails; below it an object root binds, ignoring the unknown field
        d.guaranteed = depth > 1_000 || arrays;
    }

    private void nulls(Draft d) {
        HostileEndpoint e = pick(JSON_ROUTES);
        d.rest(e);
        List<Field> fields = fields(e);
        List<Field> required = fields.stream().filter(Field::required).toList();
        if (random.nextInt(5) == 0 || required.isEmpty()) {
            String body = pick("null", "{}", "[null]", "{\"\":null}");
            d.json(body).poison("body " + body);
            d.guaranteed = switch (body) {
                case "null" -> !e.bodyOptional();      // JSON null is "no body": fine where none is needed
                case "[null]" -> true;                 // an array never binds to an object
                default -> !required.isEmpty();        // every required field missing
            };
            return;
        }
        Field f = pick(required);
        String value = switch (f.kind()) {
            case MILESTONES -> pick("null", "[null]", "[{\"title\":null,\"dueDate\":null}]", "[{}]");
            case NAMES -> pick("null", "[null]");
            case PERSON -> pick("null", "{\"name\":null}", "{}");
            default -> random.nextBoolean() ? "null" : null;
        };
        d.json(object(fields, f, value)).poison(f.name() + (value == null ? " missing" : "=" + value));
        d.guaranteed = true;
    }

    /** Characters no free text may hold: lone surrogates, NUL and controls, bidirectional overrides. */
    static final String[] FORBIDDEN_IN_TEXT = {"\\ud800", "\\udfff", "\\ud83d", "\\ude00\\ud83d", "\\u0000",
            "\\u0007", "\\u001b[31m", "\\u202e", "\\u202d", "\\u202a", "\\u2066", "\\u2067", "\\u2068", "\\u2069",
            "\\u009b"};
    /** Characters that make an id, a number, a date or an enum something else. */
    static final String[] ID_SPOILERS = {"\u200b", "\u200d", "\ufeff", "\u200f", "\u2060", "🙂", "\u0301",
            "\u05d0", "\u0627", "\u0000", "\u0001", "\n"};

    private void unicode(Draft d) {
        int variant = random.nextInt(6);
        if (variant <= 1) {
            // free text with a character no text may hold
            HostileEndpoint e = pick(JSON_COMMANDS);
            d.rest(e);
            List<Field> fields = fields(e);
            List<Field> texts = fields.stream().filter(f -> f.kind() == Kind.TEXT).toList();
            if (texts.isEmpty()) {
                fields = fields(PROGRESS);
                d.rest(PROGRESS);
                texts = fields.stream().filter(f -> f.kind() == Kind.TEXT).toList();
            }
            Field f = pick(texts);
            String bad = pick(FORBIDDEN_IN_TEXT);
            String value = "\"按计划" + bad + "推进\"";
            d.json(object(fields, f, value)).poison(f.name() + " holds " + bad).guaranteed = true;
            return;
        }
        if (variant == 2) {
            // bytes that are not UTF-8 inside a string
            HostileEndpoint e = pick(PROGRESS, ISSUE, URGING, REJECTION, DEADLINE_CHANGE, REOPENING);
            d.rest(e);
            List<Field> fields = fields(e);
            Field f = fields.stream().filter(x -> x.kind() == Kind.TEXT).findFirst().orElseThrow();
            String marker = "@@RAW@@";
            String json = object(fields, f, "\"按计划" + marker + "推进\"");
            byte[][] raws = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xE6, (byte) 0x8C}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                    {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                    {(byte) 0x80}};
            byte[] raw = raws[random.nextInt(raws.length)];
            int at = json.indexOf(marker);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(raw);
            out.writeBytes(json.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
            d.body = out.toByteArray();
            d.contentType = JSON_UTF8;
            d.poison(f.name() + " holds invalid UTF-8 " + java.util.HexFormat.of().formatHex(raw)).guaranteed = true;
            return;
        }
        String spoiler = pick(ID_SPOILERS);
        if (variant == 3) {
            // an id in the path that looks right
            HostileEndpoint e = pick(UNIT_COMMANDS);
            d.rest(e);
            String id = random.nextBoolean() ? t.ownCommitment() + spoiler
                    : t.ownCommitment().substring(0, 4) + spoiler + t.ownCommitment().substring(4);
            d.path(e, "c", encode(id)).json(validBody(e)).poison("commitment id with U+"
                    + String.format("%04X", spoiler.codePointAt(0))).guaranteed = true;
            return;
        }
        // an id, number, date or enum in the body that looks right
        HostileEndpoint e = pick(REGISTER, DEADLINE_CHANGE, PROGRESS, APPOINT_OFFICIAL, DEV_FAULTS);
        d.rest(e);
        List<Field> fields = fields(e);
        List<Field> spoilable = fields.stream().filter(f -> f.kind() != Kind.TEXT && f.kind() != Kind.MILESTONES
                && f.kind() != Kind.NAMES && f.kind() != Kind.PERSON).toList();
        Field f = pick(spoilable);
        String value = switch (f.kind()) {
            case INT, LONG -> q(pick("６０", "٦٠", "60" + spoiler, "六十", "Ⅵ"));
            case DATE -> q(pick("２０２８-０６-３０", t.milestoneDue() + spoiler, spoiler + t.milestoneDue(),
                    t.milestoneDue().toString().replace('-', '\u2010'), "٢٠٢٨-٠٦-٣٠"));
            case BOOL -> q("false" + spoiler);
            default -> {
                String valid = f.valid().substring(1, f.valid().length() - 1);
                yield q(random.nextBoolean() ? valid + spoiler : spoiler + valid);
            }
        };
        d.json(object(fields, f, value)).poison(f.name() + "=" + value);
        // a milestone id is optional: a spoiled one must still not match; the userId pattern refuses any spoiler
        d.guaranteed = true;
    }

    private void contentType(Draft d) {
        if (random.nextInt(6) == 0) {
            d.rest(IMPORT_POLICY).text("第一条 " + pick(NASTY)).poison("policy as JSON");
            d.contentType = pick(JSON, "application/xml", "application/octet-stream", "multipart/form-data; boundary=x");
            d.guaranteed = true;
            return;
        }
        HostileEndpoint e = pick(JSON_COMMANDS);
        d.rest(e).json(validBody(e));
        String type = pick("text/plain", "text/plain;charset=UTF-8", "application/xml", "text/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=----drill", null,
                "application/octet-stream", "application/json; charset=nonsense-42",
                "garbage", "application/json, text/plain", "", "text/html", "image/png", "application/x-java-serialized-object",
                "*/*");
        d.contentType = type;
        if ("application/x-www-form-urlencoded".equals(type)) {
            d.body = "percent=60&text=%E5%90%8C%E6%84%8F".getBytes(StandardCharsets.UTF_8);
        } else if (type != null && type.startsWith("multipart")) {
            d.body = ("------drill\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n同意\r\n------drill--\r\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
        d.poison("Content-Type " + type).guaranteed = true;
    }

    private void empty(Draft d) {
        HostileEndpoint e = pick(JSON_ROUTES);
        d.rest(e);
        String body = pick("", " ", "\r\n", "\t  \n");
        d.json(body).poison("empty body");
        d.guaranteed = !e.bodyOptional();
    }

    private void duplicateKeys(Draft d) {
        HostileEndpoint e = pick(REGISTER, PROGRESS, DEADLINE_CHANGE, REJECTION, ISSUE, URGING, APPOINT_OFFICIAL,
                REOPENING, RESOLUTION);
        d.rest(e);
        List<Field> fields = fields(e);
        Field f = pick(fields);
        String bad = switch (f.kind()) {
            case INT -> pick("-1", "101", "\"x\"");
            case DATE -> q("2027-02-30");
            case ENUM -> q("ADMIN");
            case MILESTONES -> "[]";
            case NAMES -> "[\"\"]";
            case PERSON -> "{\"name\":\"\"}";
            default -> "\"\\u0000\"";
        };
        String body = object(fields, null, null);
        String duplicated = "{" + q(f.name()) + ":" + bad + "," + body.substring(1);
        d.json(duplicated).poison("duplicate key " + f.name() + " (first " + bad + ")").guaranteed = true;
    }

    private void numbers(Draft d) {
        if (random.nextBoolean()) {
            d.rest(PROGRESS);
            String value = pick("-1", "101", "-2147483648", "2147483647", "2147483648", "1e400", "60.5", "1e2", "0x3C",
                    "060", "+60", "NaN", "Infinity", "-Infinity", ".5", "60.", "6_0", "-0.0", "1E1",
                    "99999999999999999999999999999999", "-60", "100.0000000000000001", "6e1");
            List<Field> fields = fields(PROGRESS);
            d.json(object(fields, fields.get(0), value)).poison("percent=" + value).guaranteed = true;
        } else {
            d.rest(REGISTER);
            List<Field> fields = fields(REGISTER);
            String value = pick("0", "-" + t.freeItem(), "61", "2147483647", t.freeItem() + ".0", t.freeItem() + "e0",
                    "-2147483648", "0x" + Integer.toHexString(t.freeItem()), "1e9", "999");
            d.json(object(fields, fields.get(1), value)).poison("itemNumber=" + value).guaranteed = true;
        }
    }

    /** Dates that are not exactly an ISO date in this century (padding included: it is not trimmed away). */
    static final String[] BAD_DATES = {"2027-02-30", "2027-02-29", "2028-02-30", "2027-13-01", "2027-00-10",
            "2027-06-31", "2027-6-30", "2027/06/30", "27-06-30", "2027-06-30T00:00:00", "2027-06-30Z",
            "+999999999-12-31", "-999999999-01-01", "0000-01-01", "1900-01-01", "9999-12-31", "2027-06-30 ", " 2027-06-30", "2027-06-30\u00a0",
            "2027-06-30\u200b", "20270630", "2027-W26-3", "2027-181", "1999-12-31", "2100-01-01", "2027-04-31",
            "+10000-01-01", "-0001-12-31"};

    private void dates(Draft d) {
        boolean register = random.nextBoolean();
        String date = random.nextInt(8) == 0 ? null : pick(BAD_DATES);
        String value = date == null ? pick("20270630", "738000", "-1") : q(date);
        if (register) {
            d.rest(REGISTER);
            List<Field> fields = fields(REGISTER);
            int which = random.nextInt(3);
            if (which == 2) {
                d.json(object(fields, fields.get(6), "[{\"title\":\"制定实施方案\",\"dueDate\":" + value + "}]"))
                        .poison("milestone dueDate=" + value);
            } else {
                Field f = fields.get(4 + which);
                d.json(object(fields, f, value)).poison(f.name() + "=" + value);
            }
        } else {
            d.rest(DEADLINE_CHANGE);
            List<Field> fields = fields(DEADLINE_CHANGE);
            boolean finalDate = random.nextBoolean();
            String body = object(fields, fields.get(1), value);
            if (finalDate) {
                body = object(fields.subList(1, 3), fields.get(1), value);
            }
            d.json(body).poison((finalDate ? "final " : "milestone ") + "requestedDueDate=" + value);
        }
        d.guaranteed = true;
    }

    private void otherUnit(Draft d) {
        int variant = random.nextInt(5);
        if (variant <= 1) {
            HostileEndpoint e = pick(UNIT_COMMANDS);
            d.rest(e).path(e, "c", t.otherCommitment()).json(validBody(e)).poison("czt on jyt's commitment");
        } else if (variant == 2) {
            HostileEndpoint e = pick(UNIT_COMMANDS);
            d.rest(e).user("jyt").json(validBody(e)).poison("jyt on czt's commitment");
        } else if (variant == 3) {
            d.rest(REGISTER);
            String body = validBody(REGISTER);
            body = "{\"unitId\":" + q(pick(t.otherUnitId(), "u00000000", "")) + "," + body.substring(1);
            d.json(body).poison("register in another unit's name");
        } else {
            d.rest(DEV_REPLY).json("{\"userId\":" + q(t.otherOfficial()) + ",\"text\":\"#" + t.ownItem() + " 进度 "
                    + (61 + random.nextInt(39)) + "%\"}").poison("jyt's official reports on czt's item");
        }
        d.guaranteed = true;
    }

    static final String[] TRAVERSALS = {"..", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "..%252f..%252fetc%252fpasswd", "....%2F%2F....%2F%2Fetc", "..;", "..%3B", "%2E%2E", ".", "%2e",
            "..%5C..%5Cwindows%5Cwin.ini", "{own}%2F..%2F{other}", "{own}%00", "{own}%00.json", "%252e%252e", "~",
            "%7e", "*", "{own};jsessionid=1", "{own}%3Bx", "%24%7Bjndi%3Aldap%3A%2F%2F127.0.0.1%2Fx%7D",
            "'%20OR%20'1'%3D'1", "%7B%22%24ne%22%3Anull%7D", "nzf-2023-1.31.*", "{own}%0d%0aX-Injected:%201", "%0A",
            "{own}/", "{own}//x", "..%C0%AF..%C0%AF", "%C0%AE%C0%AE", "{own}%20", "%20", "{own}.", "{own}%2523"};

    private void traversal(Draft d) {
        String raw = pick(TRAVERSALS).replace("{own}", t.ownCommitment()).replace("{other}", t.otherCommitment());
        int variant = random.nextInt(8);
        if (variant <= 3) {
            HostileEndpoint e = pick(UNIT_COMMANDS);
            String slot = pick(e == MILESTONE_COMPLETION ? new String[]{"c", "m"}
                    : e == RESOLUTION ? new String[]{"c", "i"} : new String[]{"c"});
            d.rest(e).path(e, slot, raw).json(validBody(e)).poison(slot + "=" + raw);
        } else if (variant == 4) {
            HostileEndpoint e = pick(APPROVAL, REJECTION);
            d.rest(e).path(e, random.nextBoolean() ? "d" : "c", raw).json(validBody(e)).poison("id=" + raw);
        } else if (variant == 5) {
            HostileEndpoint e = pick(UNIT_URGING, REMOVE_OFFICIAL);
            d.rest(e).path(e, e == UNIT_URGING ? "u" : "o", raw).json(validBody(e)).poison("id=" + raw);
        } else if (variant == 6) {
            d.rest(IMPORT_POLICY).path(IMPORT_POLICY, "p", raw).text("第一条 " + pick(NASTY)).poison("policyId=" + raw);
        } else {
            // a blank view name means "every view": not a traversal
            String view = raw.equals("%20") || raw.equals("%0A") ? ".." : raw;
            d.rest(REBUILD_VIEWS).path(REBUILD_VIEWS, "v", view).noBody().poison("view=" + view);
        }
        d.guaranteed = true;
    }

    private void oversized(Draft d) {
        int size = (3 * MIB / 2) + random.nextInt(9 * MIB / 2);
        int variant = random.nextInt(6);
        d.chunked = random.nextBoolean();
        if (variant == 0) {
            d.rest(IMPORT_POLICY).text("第一条 " + "政".repeat(size / 3)).poison("policy text of " + size + " bytes");
        } else if (variant == 1) {
            d.rest(CALLBACK);
            d.sign = HostileRequest.SignMode.VALID;
            d.json("{\"msgtype\":\"text\",\"msgId\":\"" + msgId("big") + "\",\"text\":{\"content\":"
                    + q("x".repeat(size)) + "},\"senderStaffId\":" + q(t.ownOfficial()) + "}");
            d.poison("signed callback of " + size + " bytes");
        } else if (variant == 2) {
            HostileEndpoint e = pick(JSON_COMMANDS);
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            d.rest(e);
            d.body = bytes;
            d.contentType = JSON;
            d.poison("random bytes, " + size);
        } else if (variant == 3) {
            d.rest(PROGRESS).json("[" + "1,".repeat(size / 2) + "1]").poison("array of " + size / 2 + " numbers");
        } else {
            HostileEndpoint e = pick(JSON_COMMANDS);
            List<Field> fields = fields(e);
            Field f = fields.stream().filter(x -> x.kind() == Kind.TEXT).findFirst().orElse(fields.get(0));
            d.rest(e).json(object(fields, f, q("字".repeat(size / 3)))).poison(f.name() + " of " + size + " bytes");
        }
        d.poison(d.chunked ? "chunked" : "with Content-Length").guaranteed = true;
    }

    private void wrongActor(Draft d) {
        HostileEndpoint e = pick(HostileEndpoint.values());
        while (e == CALLBACK) {
            e = pick(HostileEndpoint.values());
        }
        d.rest(e);
        if (e == IMPORT_POLICY) {
            d.text("第一条 " + pick(NASTY));
        } else if (e == REBUILD_VIEWS) {
            d.noBody();
        } else {
            d.json(validBody(e));
        }
        refuseActor(d);
    }

    private void fuzz(Draft d) {
        HostileEndpoint e = pick(HostileEndpoint.values());
        while (e == CALLBACK) {
            e = pick(HostileEndpoint.values());
        }
        d.rest(e);
        int mode = random.nextInt(4);
        byte[] body;
        String how;
        if (mode == 0) {
            body = new byte[random.nextInt(2_000)];
            random.nextBytes(body);
            how = "random bytes";
        } else if (mode == 1) {
            body = randomJson(e, 0).getBytes(StandardCharsets.UTF_8);
            how = "random JSON";
        } else if (mode == 2) {
            body = mutate(e == IMPORT_POLICY || e == REBUILD_VIEWS ? "{\"text\":\"同意\"}".getBytes(StandardCharsets.UTF_8)
                    : validBody(e).getBytes(StandardCharsets.UTF_8));
            how = "mutated valid body";
        } else {
            body = randomText(1 + random.nextInt(300)).getBytes(StandardCharsets.UTF_8);
            how = "random text";
        }
        d.body = body;
        d.contentType = random.nextInt(10) == 0 ? pick("text/plain", null, "application/xml", JSON_UTF8)
                : e == IMPORT_POLICY ? "text/plain;charset=UTF-8" : JSON;
        d.poison("fuzz: " + how);
        // a body that is valid JSON might be a valid request: then the target or the actor is made wrong too
        d.guaranteed = e != IMPORT_POLICY && e != REBUILD_VIEWS && body.length > 0 && !parses(body)
                && JSON.equals(d.contentType);
    }

    private String randomJson(HostileEndpoint e, int depth) {
        List<Field> fields = fields(e);
        int kind = depth > 3 ? 4 + random.nextInt(4) : random.nextInt(8);
        return switch (kind) {
            case 0, 1 -> {
                StringBuilder out = new StringBuilder("{");
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    String key = !fields.isEmpty() && random.nextBoolean() ? pick(fields).name() : randomText(1 + random.nextInt(8));
                    out.append(q(key)).append(':').append(randomJson(e, depth + 1));
                }
                yield out.append('}').toString();
            }
            case 2 -> {
                StringBuilder out = new StringBuilder("[");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(randomJson(e, depth + 1));
                }
                yield out.append(']').toString();
            }
            case 3 -> !fields.isEmpty() ? pick(fields).valid() : "null";
            case 4 -> q(random.nextBoolean() ? pick(NASTY) : randomText(random.nextInt(40)));
            case 5 -> pick("0", "-1", "60", "101", "1e308", "-0", "3.14", "2147483648", String.valueOf(random.nextLong()));
            case 6 -> pick("true", "false", "null");
            default -> q(pick(BAD_DATES));
        };
    }

    private static final String MUTATIONS = "{}[]\",:\\0-e.";

    private byte[] mutate(byte[] valid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(valid);
        byte[] bytes = out.toByteArray();
        int edits = 1 + random.nextInt(6);
        for (int n = 0; n < edits && bytes.length > 1; n++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                }
                case 2 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                default -> bytes[at] = (byte) MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
            }
        }
        return bytes;
    }

    /** Random code points from the BMP and emoji, never a surrogate half. */
    String randomText(int length) {
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < length) {
            int c = switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> 0x4e00 + random.nextInt(0x5000);
                case 2 -> 0x1F300 + random.nextInt(0x300);
                default -> random.nextInt(0x3000);
            };
            if (Character.isValidCodePoint(c) && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                text.appendCodePoint(c);
            }
        }
        return text.toString();
    }

    // --- DingTalk callbacks --------------------------------------------------------------------------------------

    private String callbackMessage(String msgId, String sender, String text, boolean group) {
        return "{\"msgtype\":\"text\",\"text\":{\"content\":" + q(text) + "},\"msgId\":" + q(msgId)
                + ",\"createAt\":1764000000000,\"conversationType\":\"" + (group ? "2" : "1")
                + "\",\"conversationId\":\"cidfakedrill\",\"senderId\":\"$:LWCP_v1:$drill\",\"senderNick\":\"演示\","
                + (sender == null ? "" : "\"senderStaffId\":" + q(sender) + ",")
                + "\"senderCorpId\":\"dingfakecorp\",\"sessionWebhook\":\"" + HostileRequest.SESSION_WEBHOOK
                + "\",\"sessionWebhookExpiredTime\":" + HostileRequest.SESSION_EXPIRES
                + ",\"isAdmin\":false,\"isInAtList\":true,\"robotCode\":\"dingfakerobot\"}";
    }

    private String msgId(String kind) {
        return "drill-" + seed + "-" + index + "-" + kind;
    }

    private void badSignature(Draft d) {
        d.rest(CALLBACK);
        d.user = null;
        HostileRequest.SignMode[] modes = HostileRequest.SignMode.values();
        HostileRequest.SignMode mode = modes[1 + random.nextInt(modes.length - 1)];
        d.sign = mode;
        // a message that WOULD be recorded if the signature were accepted
        String text = pick("#" + t.ownItem() + " 进度 " + (61 + random.nextInt(39)) + "%", "#" + t.ownItem()
                + " 困难 伪造的重大事项", "收到 #" + t.ownItem(), "#" + t.ownItem() + " 延期 " + t.due().minusDays(1)
                + " 原因：伪造");
        d.json(callbackMessage(msgId("forged"), t.ownOfficial(), text, false)).poison("signature " + mode + ", "
                + text).guaranteed = true;
    }

    private void signedHostile(Draft d) {
        d.rest(CALLBACK);
        d.user = null;
        d.sign = HostileRequest.SignMode.VALID;
        String id = msgId("signed");
        int variant = random.nextInt(12);
        String body;
        String poison;
        boolean live = false;
        switch (variant) {
            case 0 -> {
                String text = random.nextBoolean() ? pick(NASTY) : randomText(1 + random.nextInt(80));
                body = callbackMessage(id, t.ownOfficial(), text, random.nextInt(4) == 0);
                poison = "hostile text from czt's official";
                live = true;
            }
            case 1 -> {
                body = callbackMessage(id, pick(t.otherOfficial(), "stranger-" + random.nextInt(1000), "", "0",
                        "../../etc/passwd", "demo-czt-wang\u200b"), "#" + t.ownItem() + " 进度 "
                        + (61 + random.nextInt(39)) + "%", random.nextBoolean());
                poison = "someone else reports on czt's item";
                live = true;
            }
            case 2 -> {
                String bad = pick(FORBIDDEN_IN_TEXT);
                body = callbackMessage(id, t.ownOfficial(), "x", false).replace("\"content\":\"x\"",
                        "\"content\":\"#" + t.ownItem() + " 困难 " + bad + "\"");
                poison = "text holds " + bad;
                live = true;
            }
            case 3 -> {
                body = callbackMessage(id, t.ownOfficial(), "x", false);
                body = body.substring(0, 1 + random.nextInt(body.length() - 2));
                poison = "truncated JSON";
            }
            case 4 -> {
                body = pick("[]", "\"text\"", "42", "null", "true", "{}", "", " ", "[{\"msgId\":\"x\"}]");
                poison = "body " + body;
            }
            case 5 -> {
                String msgId = pick("", " ", "x".repeat(201 + random.nextInt(1000)), null);
                body = callbackMessage(msgId == null ? "@@NOID@@" : msgId, t.ownOfficial(), "帮助", false);
                if (msgId == null) {
                    body = body.replace("\"msgId\":\"@@NOID@@\",", "");
                }
                poison = "msgId " + (msgId == null ? "missing" : "'" + msgId.length() + " chars'");
            }
            case 6 -> {
                String type = pick("picture", "audio", "file", "richText", "video", "unknownMsgType", "", "TEXT");
                body = callbackMessage(id, t.ownOfficial(), "#" + t.ownItem() + " 进度 " + (61 + random.nextInt(39))
                        + "%", false).replace("\"msgtype\":\"text\"", "\"msgtype\":" + q(type));
                poison = "msgtype " + type;
                live = true;
            }
            case 7 -> {
                String content = pick("123", "true", "null", "[\"#31 进度 90%\"]", "{\"text\":\"#31 进度 90%\"}");
                body = callbackMessage(id, t.ownOfficial(), "x", false).replace("\"content\":\"x\"",
                        "\"content\":" + content);
                poison = "text.content is " + content;
                live = true;
            }
            case 8 -> {
                String hook = pick("http://169.254.169.254/latest/meta-data/", "file:///etc/passwd",
                        "javascript:alert(1)", "http://127.0.0.1:1/x", "", "ftp://example.invalid/");
                body = callbackMessage(id, t.ownOfficial(), "帮助", false).replace("\"" + HostileRequest.SESSION_WEBHOOK
                        + "\"", q(hook));
                poison = "sessionWebhook " + hook;
            }
            case 9 -> {
                body = callbackMessage(id, t.ownOfficial(), "x".repeat(64_001 + random.nextInt(100_000)), false);
                poison = "text over 64,000 characters";
            }
            case 10 -> {
                body = callbackMessage(id, t.ownOfficial(), "帮助", false);
                body = "{\"msgId\":" + q(id + "-dup") + "," + body.substring(1);
                poison = "duplicate msgId key";
                live = true;
            }
            default -> {
                body = callbackMessage(id, null, "#" + t.ownItem() + " 进度 " + (61 + random.nextInt(39)) + "%",
                        false);
                poison = "no senderStaffId";
                live = true;
            }
        }
        d.json(body).poison(poison);
        if (random.nextInt(8) == 0) {
            d.contentType = pick("text/plain", null, "application/x-www-form-urlencoded");
        }
        d.liveSession = live;
        d.guaranteed = true;
    }

    // --- second poisons -----------------------------------------------------------------------------------------

    private void forceRefusal(Draft d) {
        HostileEndpoint e = d.endpoint;
        if (e.mayAccept()) {
            return;
        }
        boolean target = random.nextBoolean();
        if (target && UNIT_COMMANDS.contains(e)) {
            d.path(e, "c", t.otherCommitment()).poison("+ jyt's commitment");
        } else if (target && (e == APPROVAL || e == REJECTION)) {
            d.path(e, "d", pick("D404", "D0", "d1")).poison("+ unknown change");
        } else if (target && (e == VERIFICATION || e == REOPENING || e == URGING)) {
            d.path(e, "c", pick("nzf-2023-1.99.u00000000", "nzf-2023-1.31.u00000000", "x")).poison("+ unknown commitment");
        } else if (target && e == UNIT_URGING) {
            d.path(e, "u", pick("u00000000", "unknown")).poison("+ unknown unit");
        } else if (target && e == REMOVE_OFFICIAL) {
            d.path(e, "o", "nobody-" + random.nextInt(1000)).poison("+ unknown official");
        } else if (target && e == REBUILD_VIEWS) {
            d.path(e, "v", "no-such-view-" + random.nextInt(1000)).poison("+ unknown view");
        } else if (target && e == IMPORT_POLICY) {
            d.path(e, "p", t.policyId()).poison("+ already imported policy id");
        } else {
            refuseActor(d);
            return;
        }
        d.guaranteed = true;
    }

    /** Logs in as someone the route refuses (or not at all). */
    private void refuseActor(Draft d) {
        HostileEndpoint e = d.endpoint;
        List<String> refused = new ArrayList<>(List.of("", "bad-password", "garbage"));
        if (e == DEV_REPLY || e == DEV_FAULTS) {
            // any login may use the developer's fake
        } else if (HostileEndpoint.OFFICE_COMMANDS.contains(e)) {
            refused.addAll(List.of("czt", "jyt", "inspector"));
        } else if (e == REBUILD_VIEWS || e == AUDIT_VERIFY) {
            refused.addAll(List.of("czt", "jyt"));
        } else if (e == RESOLUTION) {
            refused.addAll(List.of("jyt", "inspector"));
        } else {
            refused.addAll(List.of("jyt", "inspector", "office"));
        }
        String who = pick(refused.toArray(String[]::new));
        switch (who) {
            case "" -> d.user(null).poison("+ no credentials");
            case "bad-password" -> {
                d.user(null).poison("+ wrong password");
                d.authorization = "Basic " + b64(e.rightfulUser() + ":" + pick("wrong", "", e.rightfulUser() + "-demo ",
                        e.rightfulUser().toUpperCase() + "-demo", "czt-demo\u0000"));
            }
            case "garbage" -> {
                d.user(null).poison("+ garbage Authorization");
                d.authorization = pick("Basic", "Basic !!!", "Basic " + b64("czt"), "Bearer abc.def.ghi",
                        "Digest username=\"czt\"", "Basic " + b64(":"), "Basic " + b64("czt:czt-demo") + " extra",
                        "basic " + "A".repeat(3_000), "Basic =====", "NTLM TlRMTVNTUAAB");
            }
            default -> d.user(who).poison("+ as " + who);
        }
        d.guaranteed = true;
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private final class Draft {
        final int index;
        final HostileCategory category;
        HostileEndpoint endpoint;
        String path;
        String user;
        String authorization;
        String contentType;
        byte[] body = new byte[0];
        boolean chunked;
        HostileRequest.SignMode sign;
        boolean liveSession;
        final List<String> poisons = new ArrayList<>();
        boolean guaranteed;

        Draft(int index, HostileCategory category) {
            this.index = index;
            this.category = category;
        }

        Draft rest(HostileEndpoint e) {
            endpoint = e;
            user = e.rightfulUser();
            path = defaultPath(e);
            return this;
        }

        Draft path(HostileEndpoint e, String slot, String raw) {
            path = fill(e, slot, raw);
            return this;
        }

        Draft user(String who) {
            user = who;
            return this;
        }

        Draft json(String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
            contentType = JSON;
            return this;
        }

        Draft text(String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
            contentType = "text/plain;charset=UTF-8";
            return this;
        }

        Draft noBody() {
            body = new byte[0];
            contentType = null;
            return this;
        }

        Draft poison(String why) {
            poisons.add(why);
            return this;
        }

        HostileRequest build() {
            return new HostileRequest(index, category, endpoint, path, user, authorization, contentType, body, chunked,
                    sign, liveSession, String.join(" ", poisons));
        }
    }

    private String defaultPath(HostileEndpoint e) {
        return fill(e, null, null);
    }

    /** The route's path with every slot filled with the drill's own (valid) ids, {@code slot} with {@code raw}. */
    private String fill(HostileEndpoint e, String slot, String raw) {
        String path = e.template();
        String[][] slots = {{"c", encode(t.ownCommitment())}, {"m", encode(t.milestone())},
                {"d", encode(t.pendingChange())}, {"i", encode(t.openIssue())}, {"u", encode(t.ownUnitId())},
                {"o", encode(t.removableOfficial())}, {"p", encode("drill-" + seed + "-" + index)},
                {"v", encode(t.viewNames().isEmpty() ? "items" : t.viewNames().get(0))}};
        for (String[] s : slots) {
            path = path.replace("{" + s[0] + "}", s[0].equals(slot) ? raw : s[1]);
        }
        return path;
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** A JSON string literal; non-ASCII is written as is, controls and surrogate halves as escapes. */
    static String q(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validPair(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the bytes are exactly one JSON value (no duplicate keys, nothing after it). */
    static boolean parses(byte[] body) {
        try (JsonParser parser = STRICT.getFactory().createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (Exception e) {
            return false;
        }
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private int pickInt(int... options) {
        return options[random.nextInt(options.length)];
    }
}
