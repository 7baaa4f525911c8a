package io.duban.harness.drill.abuse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One hostile request, described completely so that the same seed gives the same bytes and a failure can be printed
 * and replayed.
 *
 * @param index         position in the run (0-based)
 * @param category      what kind of hostility
 * @param endpoint      the route attacked
 * @param path          path and query, already percent-encoded where meant
 * @param user          demo account to log in as (password {@code <user>-demo}); null = no credentials
 * @param authorization a raw Authorization header instead of {@code user}'s (garbage, wrong password); or null
 * @param contentType   the Content-Type header; null sends none
 * @param body          the body bytes (may be empty)
 * @param chunked       send without Content-Length
 * @param sign          how a DingTalk callback is signed; null for REST
 * @param liveSession   a callback body whose sessionWebhook placeholder gets a live session at the fake, so a
 *                      Chinese answer is expected there when the bot accepts the message
 * @param poison        why the request must be refused (printed with failures)
 */
record HostileRequest(int index, HostileCategory category, HostileEndpoint endpoint, String path, String user,
                      String authorization, String contentType, byte[] body, boolean chunked, SignMode sign,
                      boolean liveSession, String poison) {

    /** Replaced in a callback body by the fake's live session URL (a JSON string) and its expiry (a number). */
    static final String SESSION_WEBHOOK = "@@SESSION_WEBHOOK@@";
    static final String SESSION_EXPIRES = "@@SESSION_EXPIRES@@";

    /** How a callback's {@code timestamp}/{@code sign} headers are made when it is sent. */
    enum SignMode {
        VALID,
        WRONG_SIGN,
        NO_HEADERS,
        NO_SIGN,
        NO_TIMESTAMP,
        STALE,
        FUTURE,
        MALFORMED_TIMESTAMP,
        OTHER_SECRET,
        SIGN_FOR_OTHER_TIMESTAMP,
        URL_ENCODED_SIGN;

        boolean valid() {
            return this == VALID;
        }
    }

    HostileRequest {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(poison, "poison");
    }

    boolean isCallback() {
        return endpoint == HostileEndpoint.CALLBACK;
    }

    /** One line for the report: the request, with its body cut to {@code maxBodyChars} and escaped. */
    String describe(int maxBodyChars) {
        String text = new String(body, StandardCharsets.UTF_8);
        String shown = text.length() > maxBodyChars
                ? text.substring(0, maxBodyChars) + "…(" + body.length + " bytes)" : text;
        return "#" + index + " " + category + " POST " + path + " as " + (authorization != null ? "[raw auth]"
                : user == null ? (isCallback() ? "DingTalk(" + sign + ")" : "[nobody]") : user)
                + (contentType == null ? " [no Content-Type]" : " [" + contentType + "]") + (chunked ? " chunked" : "")
                + " poison=" + poison + " body=" + escape(shown);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0x200b && c <= 0x200f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff
                    || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostileRequest r && index == r.index && category == r.category && endpoint == r.endpoint
                && path.equals(r.path) && Objects.equals(user, r.user) && Objects.equals(authorization, r.authorization)
                && Objects.equals(contentType, r.contentType) && Arrays.equals(body, r.body) && chunked == r.chunked
                && sign == r.sign && liveSession == r.liveSession && poison.equals(r.poison);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, category, endpoint, path, user, Arrays.hashCode(body), poison);
    }

    @Override
    public String toString() {
        return describe(200);
    }
}
