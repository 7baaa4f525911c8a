package io.duban.harness.drill.abuse;

/** The kinds of hostile request the {@code hostile} drill sends; each is counted on its own in the report. */
enum HostileCategory {
    MALFORMED_JSON(70, "malformed JSON (truncated, trailing garbage, comments, single quotes, NaN)"),
    WRONG_TYPES(70, "wrong JSON types (quoted numbers, arrays for strings, numbers for dates/enums)"),
    HUGE_VALUES(40, "huge strings, numbers and lists (over every field's limit)"),
    DEEP_NESTING(30, "deeply nested arrays/objects (up to 50,000 levels)"),
    NULLS(50, "nulls (root null, required fields null, [null])"),
    UNICODE(80, "lone surrogates, invalid UTF-8, NUL, bidi overrides, zero-width/RTL in ids"),
    CONTENT_TYPE(50, "wrong or missing Content-Type, bad charsets"),
    EMPTY_BODY(40, "empty and blank bodies"),
    DUPLICATE_KEYS(40, "duplicate JSON keys (bad value first, good value last)"),
    NUMBERS(50, "negative, overflowing, fractional, exponent, hex numbers"),
    IMPOSSIBLE_DATES(50, "impossible or absurd dates (2027-02-30, +999999999-12-31, epoch days)"),
    OTHER_UNIT(60, "acting on another unit's commitment or in another unit's name"),
    PATH_TRAVERSAL(60, "path traversal and injection in path ids and parameters"),
    OVERSIZED(5, "oversized bodies (1.5-6 MiB, with and without Content-Length)"),
    WRONG_ACTOR(50, "no/bad credentials, inspector writes, units on office-only routes"),
    RANDOM_FUZZ(150, "seeded random fuzz (random bytes, random JSON trees, mutated valid bodies)"),
    CALLBACK_BAD_SIGNATURE(50, "DingTalk callback with a bad, missing, stale or foreign signature"),
    CALLBACK_SIGNED_HOSTILE(105, "DingTalk callback signed correctly, hostile body or message");

    private final int weight;
    private final String description;

    HostileCategory(int weight, String description) {
        this.weight = weight;
        this.description = description;
    }

    int weight() {
        return weight;
    }

    String description() {
        return description;
    }

    boolean isCallback() {
        return this == CALLBACK_BAD_SIGNATURE || this == CALLBACK_SIGNED_HOSTILE;
    }
}
