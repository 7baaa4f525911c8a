package io.duban.deploy.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.problem.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatusCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error report — for requests it refuses before any servlet sees them (a request line or headers over
 * the size limit, characters not allowed in a URL) — as a Chinese RFC 7807 problem detail instead of an HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as the stock valve: only for errors, only when nothing was written, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing left to report to
        }
    }

    static String json(int status) {
        String code = Problems.code(status);
        String detail = status == 400
                ? "请求被拒绝：请求行或请求头过长，或地址含有不允许的字符，未记录任何变更。" : Problems.detail(status);
        try {
            return JSON.writeValueAsString(Problems.flat(
                    Problems.of(HttpStatusCode.valueOf(status), Problems.title(status), detail, code)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem of plain strings always serialises", e);
        }
    }
}
