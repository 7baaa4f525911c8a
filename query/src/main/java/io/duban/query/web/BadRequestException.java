package io.duban.query.web;

import org.springframework.http.HttpStatus;

/** A request parameter the read API cannot use: 400 with a Chinese problem detail. */
public class BadRequestException extends ProblemException {

    public BadRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, "请求参数有误", detail, "input.bad-parameter");
    }
}
