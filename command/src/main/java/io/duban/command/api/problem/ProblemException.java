package io.duban.command.api.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * An answer of a REST API as a {@link Problems} problem detail. It is Spring's {@link ErrorResponseException}, so the
 * REST layer answers with its status and body; the message is the detail.
 */
public class ProblemException extends ErrorResponseException {

    /** The title and code of a request parameter an API cannot use. */
    public static final String BAD_PARAMETER_TITLE = "请求参数有误";
    public static final String BAD_PARAMETER_CODE = "input.bad-parameter";

    public ProblemException(HttpStatusCode status, String title, String detail, String code) {
        super(status, Problems.of(status, title, detail, code), null);
    }

    /** 400: a request parameter the API cannot use. */
    public static ProblemException badParameter(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, BAD_PARAMETER_TITLE, detail, BAD_PARAMETER_CODE);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
