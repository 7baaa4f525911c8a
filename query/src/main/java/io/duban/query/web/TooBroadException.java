package io.duban.query.web;

import io.duban.command.api.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A list request that would read more than the configured bound: 422 with a hint how to narrow it. */
public class TooBroadException extends ProblemException {

    public TooBroadException(String detail) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "查询范围过大", detail, "query.too-broad");
    }
}
