package io.duban.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An answer of the read API as an RFC 7807 problem detail with a Chinese title and detail. It is Spring's
 * {@link ErrorResponseException}, so the REST layer answers with its status; the message is the detail.
 */
abstract class ProblemException extends ErrorResponseException {

    ProblemException(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
