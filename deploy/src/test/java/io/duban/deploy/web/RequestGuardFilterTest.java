package io.duban.deploy.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Oversized bodies get 413 and unusable Content-Types 415 before anything reads them. */
class RequestGuardFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestGuardFilter filter = new RequestGuardFilter(JSON, DataSize.ofMegabytes(3));

    @Test
    void a_body_over_the_limit_is_refused_with_413_before_it_is_read() throws Exception {
        MockHttpServletRequest request = post("/api/commitments/x/progress", "application/json",
                new byte[RequestGuardFilter.DEFAULT_LIMIT_BYTES + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("not passed on").isNull();
        assertProblem(response, 413, "input.too-large");
    }

    @Test
    void evidence_uploads_are_bounded_by_their_own_limit_and_never_buffered() throws Exception {
        String type = "multipart/form-data; boundary=x";
        MockHttpServletRequest fits = post("/api/commitments/x/progress", type, new byte[2 * 1024 * 1024]);
        MockFilterChain passed = new MockFilterChain();
        filter.doFilter(fits, new MockHttpServletResponse(), passed);
        assertThat(passed.getRequest()).as("the original request, unread").isSameAs(fits);

        MockHttpServletRequest over = post("/api/commitments/x/progress", type, new byte[3 * 1024 * 1024 + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain refused = new MockFilterChain();
        filter.doFilter(over, response, refused);
        assertThat(refused.getRequest()).isNull();
        assertProblem(response, 413, "input.too-large");
    }

    @Test
    void a_policy_document_may_be_larger_than_json() throws Exception {
        MockHttpServletRequest request = post("/api/policies", "text/plain;charset=UTF-8",
                new byte[3 * 1024 * 1024]);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(RequestGuardFilter.limitFor("/api/policies")).isEqualTo(4 * 1024 * 1024);
        assertThat(RequestGuardFilter.limitFor("/api/dingtalk/callback")).isEqualTo(1024 * 1024);
    }

    @Test
    void a_body_without_content_length_is_read_up_to_the_limit_and_passed_on_from_memory() throws Exception {
        byte[] small = "{\"percent\":60}".getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = chunked("/api/commitments/x/progress", small);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(small);
        assertThat(chain.getRequest().getContentLength()).isEqualTo(small.length);

        MockHttpServletRequest big = chunked("/api/commitments/x/progress",
                new byte[RequestGuardFilter.DEFAULT_LIMIT_BYTES + 10]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain refused = new MockFilterChain();
        filter.doFilter(big, response, refused);
        assertThat(refused.getRequest()).isNull();
        assertProblem(response, 413, "input.too-large");
    }

    @Test
    void a_wildcard_or_garbage_content_type_is_refused_with_415() throws Exception {
        for (String type : new String[]{"*/*", "application/*", "garbage", "application/json, text/plain",
                "application/json; charset=\"x"}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(post("/api/commitments", type, "{}".getBytes(StandardCharsets.UTF_8)), response, chain);
            assertThat(chain.getRequest()).as(type).isNull();
            assertProblem(response, 415, "input.unsupported-media-type");
        }
        assertThat(RequestGuardFilter.concrete("application/json;charset=UTF-8")).isTrue();
        assertThat(RequestGuardFilter.concrete("text/plain")).isTrue();
    }

    @Test
    void reads_without_a_body_pass_untouched() throws Exception {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/items");
        get.setContentType("*/*");
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(get, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(get);
    }

    private static MockHttpServletRequest post(String uri, String type, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setRequestURI(uri);
        request.setContentType(type);
        request.setContent(body);
        return request;
    }

    /** A request whose length is unknown, like a chunked one. */
    private static MockHttpServletRequest chunked(String uri, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri) {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                return new org.springframework.mock.web.DelegatingServletInputStream(in);
            }
        };
        request.setContentType("application/json");
        return request;
    }

    private static void assertProblem(MockHttpServletResponse response, int status, String code) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.getContentAsByteArray());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("detail").asText()).containsPattern("\\p{IsHan}");
    }
}
