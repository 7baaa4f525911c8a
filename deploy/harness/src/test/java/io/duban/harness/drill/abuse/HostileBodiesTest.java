package io.duban.harness.drill.abuse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The hostile-request generator is deterministic for a seed and only ever produces requests that must be refused. */
class HostileBodiesTest {

    private static final HostileTargets TARGETS = HostileTargets.demo();

    @Test
    void the_same_seed_gives_the_same_requests_byte_for_byte() {
        List<HostileRequest> first = new HostileBodies(42L, TARGETS).next(600);
        List<HostileRequest> again = new HostileBodies(42L, TARGETS).next(600);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void another_seed_gives_other_requests() {
        List<HostileRequest> a = new HostileBodies(1L, TARGETS).next(300);
        List<HostileRequest> b = new HostileBodies(2L, TARGETS).next(300);
        long same = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(b.get(i))) {
                same++;
            }
        }
        assertThat(same).as("requests equal at the same position").isLessThan(30);
    }

    @Test
    void the_first_requests_visit_every_category_and_every_route_is_attacked() {
        List<HostileRequest> requests = new HostileBodies(7L, TARGETS).next(2_000);
        assertThat(requests.subList(0, HostileCategory.values().length).stream().map(HostileRequest::category)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(HostileCategory.values());
        Set<HostileEndpoint> attacked = requests.stream().map(HostileRequest::endpoint)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(HostileEndpoint.class)));
        assertThat(attacked).containsExactlyInAnyOrder(HostileEndpoint.values());
    }

    @Test
    void many_requests_generate_without_error_and_each_says_why_it_must_be_refused() {
        for (long seed = 1; seed <= 3; seed++) {
            for (HostileRequest r : new HostileBodies(seed, TARGETS).next(4_000)) {
                assertThat(r.poison()).as(r.describe(100)).isNotBlank();
                assertThat(r.path()).as(r.describe(100)).startsWith("/api/");
                assertThat(r.sign() != null).as(r.describe(100)).isEqualTo(r.isCallback());
                assertThat(r.body().length).as(r.describe(100)).isLessThanOrEqualTo(6 * HostileBodies.MIB + 1000);
                assertThat(java.net.URI.create("http://127.0.0.1" + r.path())).isNotNull();
            }
        }
    }

    @Test
    void no_request_is_a_valid_request_by_its_rightful_user() {
        HostileBodies bodies = new HostileBodies(11L, TARGETS);
        for (HostileRequest r : bodies.next(5_000)) {
            if (r.isCallback() || r.endpoint().mayAccept() || r.authorization() != null) {
                continue;
            }
            String body = new String(r.body(), StandardCharsets.UTF_8);
            String valid = validBodyOf(r.endpoint());
            boolean rightful = r.endpoint().rightfulUser().equals(r.user());
            boolean jsonType = HostileBodies.JSON.equals(r.contentType()) || HostileBodies.JSON_UTF8.equals(r.contentType());
            boolean ownTarget = r.path().equals(defaultPath(r));
            assertThat(rightful && jsonType && ownTarget && body.equals(valid))
                    .as("the valid baseline went out unchanged: %s", r.describe(200)).isFalse();
            if (rightful && ownTarget && r.endpoint().bodyOptional() && r.body().length == 0) {
                throw new AssertionError("an empty body where none is needed, as its rightful user: " + r.describe(200));
            }
        }
    }

    @Test
    void json_string_literals_escape_quotes_controls_and_lone_surrogates_only() {
        assertThat(HostileBodies.q("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(HostileBodies.q("\u0000\n")).isEqualTo("\"\\u0000\\u000a\"");
        assertThat(HostileBodies.q("x\ud800y")).isEqualTo("\"x\\ud800y\"");
        assertThat(HostileBodies.q("🙂进度")).isEqualTo("\"🙂进度\"");
        assertThat(HostileBodies.encode("a b/进")).isEqualTo("a%20b%2F%E8%BF%9B");
    }

    @Test
    void strict_parse_refuses_duplicates_and_trailing_tokens() {
        assertThat(HostileBodies.parses("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(HostileBodies.parses("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(HostileBodies.parses("{\"a\":1} x".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(HostileBodies.parses(new byte[0])).isFalse();
    }

    private static String validBodyOf(HostileEndpoint e) {
        // the generator's own baseline, rebuilt through a fresh generator with the same targets
        List<HostileBodies.Field> fields = new HostileBodies(0L, TARGETS).fields(e);
        StringBuilder out = new StringBuilder("{");
        for (HostileBodies.Field f : fields) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(f.name()).append("\":").append(f.valid());
        }
        return out.append('}').toString();
    }

    private static String defaultPath(HostileRequest r) {
        String path = r.endpoint().template()
                .replace("{c}", TARGETS.ownCommitment()).replace("{m}", TARGETS.milestone())
                .replace("{d}", TARGETS.pendingChange()).replace("{i}", TARGETS.openIssue())
                .replace("{u}", TARGETS.ownUnitId()).replace("{o}", TARGETS.removableOfficial())
                .replace("{v}", TARGETS.viewNames().get(0));
        return path.contains("{p}") ? path.replace("{p}", r.path().substring(r.path().indexOf('=') + 1)) : path;
    }
}
