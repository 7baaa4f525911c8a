package io.duban.query.web;

import io.duban.command.api.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Thrown by query handlers for an unknown id: 404 with a Chinese problem detail. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, "未找到", detail, "not-found");
    }
}
