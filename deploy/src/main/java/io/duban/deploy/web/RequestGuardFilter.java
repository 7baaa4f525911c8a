package io.duban.deploy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Refuses request bodies before anything reads them, as Chinese problem details:
 * <ul>
 *   <li>413 for a body over the limit — {@value #POLICY_LIMIT_BYTES} bytes for a policy document (1,000,000
 *       characters of Chinese text), {@value #DEFAULT_LIMIT_BYTES} for everything else (the largest legitimate JSON,
 *       a registration with 30 milestones, is a few kilobytes). A body without Content-Length (chunked) is read up to
 *       the limit and refused as soon as it goes over;</li>
 *   <li>multipart bodies (佐证材料) are bounded by {@code duban.evidence.max-request-size} instead and never
 *       buffered here;</li>
 *   <li>415 for a Content-Type that is not one concrete media type ({@code *}{@code /*}, {@code application/*},
 *       garbage): Spring would fail on it with an IllegalArgumentException, a 500.</li>
 * </ul>
 * Runs before Spring Security, so an oversized body costs no login either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestGuardFilter extends OncePerRequestFilter {

    static final int DEFAULT_LIMIT_BYTES = 1024 * 1024;
    static final int POLICY_LIMIT_BYTES = 4 * 1024 * 1024;
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final ObjectMapper json;
    private final long multipartLimit;

    public RequestGuardFilter(ObjectMapper json,
                              @Value("${duban.evidence.max-request-size:60MB}") DataSize multipartLimit) {
        this.json = json;
        this.multipartLimit = multipartLimit.toBytes();
    }

    static int limitFor(String uri) {
        return uri != null && uri.startsWith("/api/policies") ? POLICY_LIMIT_BYTES : DEFAULT_LIMIT_BYTES;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!WITH_BODY.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String type = request.getContentType();
        if (type != null && !type.isBlank() && !concrete(type)) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型“" + type.strip()
                    + "”：请以 application/json（UTF-8）提交。", "input.unsupported-media-type");
            return;
        }
        long length = request.getContentLengthLong();
        if (multipart(type)) {
            // 佐证材料: never buffered here; a chunked body is held to the same bound by the multipart parser
            if (length > multipartLimit) {
                tooLarge(response, multipartLimit);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        int limit = limitFor(request.getRequestURI());
        if (length > limit) {
            tooLarge(response, limit);
            return;
        }
        if (length < 0) {
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                tooLarge(response, limit);
                return;
            }
            chain.doFilter(new CachedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean multipart(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The whole body if it has at most {@code limit} bytes, else null (having read just past the limit). */
    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            if (out.size() > limit) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "请求内容超过 " + (limit / (1024 * 1024))
                + " MiB，未记录任何变更。", "input.too-large");
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String detail, String code)
            throws IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // written flat: a ProblemDetail's extra properties only flatten with Spring's Jackson mix-in
        json.writeValue(response.getOutputStream(),
                Problems.flat(Problems.of(status, Problems.title(status.value()), detail, code)));
    }

    /** A request whose body was read already, served again from memory. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
