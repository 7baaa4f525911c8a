package io.duban.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * An answer of the read API as an RFC 7807 problem detail with a Chinese title and detail and a stable code. It is Spring's
 * {@link ErrorResponseException}, so the REST layer answers with its status; the message is the detail.
 */
abstract class ProblemException extends ErrorResponseException {

    ProblemException(HttpStatus status, String title, String detail, String code) {
        super(status, problem(status, title, detail, code), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:duban:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
