package io.duban.query.web;

import io.duban.command.api.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A request parameter the read API cannot use: 400 with a Chinese problem detail. */
public class BadRequestException extends ProblemException {

    public BadRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, BAD_PARAMETER_TITLE, detail, BAD_PARAMETER_CODE);
    }
}
