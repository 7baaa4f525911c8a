package io.duban.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown by query handlers for an unknown id. It is Spring's {@link ErrorResponseException}, so the REST layer
 * answers 404 with an RFC 7807 problem detail whose {@code detail} is the Chinese message.
 */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("未找到");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
