package io.duban.command.api.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one factory of RFC 7807 problem details, used by every module (the command and read APIs, the audit, the bot's
 * callback, the error page, security, the request guard and the servlet container): a Chinese title and detail, a
 * stable {@code code}, and {@code type = urn:duban:problem:<code>}. In the api package because every module may
 * depend on the command api and on nothing else of another module.
 */
public final class Problems {

    /**
     * The detail of an unexpected failure. It must not claim that nothing was recorded: a write can fail after it was
     * stored (a timeout, a lost answer), so the caller is told how to find out before trying again.
     */
    public static final String UNCERTAIN_OUTCOME = "处理失败，无法确认提交的操作是否已经记录。请先查看当前状态"
            + "（承诺详情或动态记录；钉钉可发送「我的承诺」）再决定是否重试。";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String title, String detail, String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(type(code));
        problem.setProperty("code", code);
        return problem;
    }

    /** The problem type of a code: {@code urn:duban:problem:<code>}. */
    public static URI type(String code) {
        return URI.create("urn:duban:problem:" + code);
    }

    /** The answer of a controller that returns a problem itself, as {@code application/problem+json}. */
    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The problem as a flat map (type, title, status, detail, code, then any other property) for the writers that run
     * outside Spring MVC with a plain Jackson mapper, which would nest the properties of a {@link ProblemDetail}
     * (Spring flattens them with a mix-in of its own message converters only).
     */
    public static Map<String, Object> flat(ProblemDetail problem) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flat.put("type", problem.getType().toString());
        flat.put("title", problem.getTitle());
        flat.put("status", problem.getStatus());
        flat.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            flat.putAll(problem.getProperties());
        }
        return flat;
    }

    /** A problem with the title, detail and code that go with a bare HTTP status. */
    public static ProblemDetail forStatus(int status) {
        return of(HttpStatusCode.valueOf(status), title(status), detail(status), code(status));
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "输入有误";
            case 401 -> "未登录";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 406 -> "无法按要求的格式答复";
            case 408 -> "请求超时";
            case 409 -> "不符合办理规则";
            case 413 -> "请求内容过大";
            case 414 -> "请求地址过长";
            case 415 -> "不支持的内容类型";
            case 431 -> "请求头过大";
            case 500 -> "服务器内部错误";
            case 503 -> "服务暂不可用";
            default -> status >= 500 ? "服务器内部错误" : "请求无法处理";
        };
    }

    public static String detail(int status) {
        return switch (status) {
            case 400 -> "请求无法处理：地址、请求头或内容不符合要求，未记录任何变更。";
            case 401 -> "请使用督办账号登录（HTTP Basic）。";
            case 403 -> "您的角色无权执行此操作。";
            case 404 -> "没有这个接口地址。";
            case 405 -> "该地址不支持这种请求方法。";
            case 406 -> "无法按 Accept 请求头要求的格式答复：本服务答复 JSON。";
            case 408 -> "请求未在规定时间内送达。";
            case 413 -> "请求内容过大，未记录任何变更。";
            case 414 -> "请求地址过长。";
            case 415 -> "不支持的内容类型：请以 application/json（UTF-8）提交。";
            case 431 -> "请求头过大。";
            case 503 -> "服务暂不可用，请稍后重试。";
            default -> status >= 500 ? UNCERTAIN_OUTCOME : "请求无法处理（HTTP " + status + "）。";
        };
    }

    public static String code(int status) {
        return switch (status) {
            case 400 -> "input.rejected";
            case 401 -> "auth.unauthenticated";
            case 403 -> "auth.forbidden";
            case 404 -> "http.not-found";
            case 405 -> "http.method-not-allowed";
            case 406 -> "http.not-acceptable";
            case 413 -> "input.too-large";
            case 415 -> "input.unsupported-media-type";
            default -> status >= 500 ? "server.error" : "http." + status;
        };
    }

    /** Whether a text holds Chinese characters (our own details do; Spring's English defaults do not). */
    public static boolean isChinese(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
