package io.duban.command.web;

import io.duban.command.api.CommandRefusedException;
import io.duban.command.evidence.EvidenceLimits;
import io.duban.command.api.problem.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;


/**
 * Every refusal becomes an RFC 7807 problem detail with a Chinese explanation and a stable {@code code}:
 * 400 bad input, 403 not your unit / wrong role, 404 unknown, 409 rule violated.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final EvidenceLimits evidenceLimits;

    public ProblemAdvice(EvidenceLimits evidenceLimits) {
        this.evidenceLimits = evidenceLimits;
    }

    @ExceptionHandler(CommandRefusedException.class)
    public ProblemDetail refused(CommandRefusedException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RULE_VIOLATED -> HttpStatus.CONFLICT;
        };
        String title = switch (e.reason()) {
            case INVALID_INPUT -> "输入有误";
            case NOT_PERMITTED -> "无权操作";
            case NOT_FOUND -> "未找到";
            case RULE_VIOLATED -> "不符合办理规则";
        };
        return problem(status, title, e.getMessage(), e.code());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "未找到", "未找到编号为 " + e.getAggregateIdentifier() + " 的记录。",
                "aggregate.not-found");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ProblemDetail duplicate(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "不符合办理规则", "该记录已存在，不能重复登记。", "aggregate.duplicate");
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ProblemDetail concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "并发修改", "该承诺刚被他人修改，请刷新后重试。", "aggregate.concurrent-change");
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ProblemDetail execution(CommandExecutionException e) {
        if (e.getCause() instanceof CommandRefusedException refused) {
            return refused(refused);
        }
        return unexpected(e);
    }

    @ExceptionHandler(EventStoreException.class)
    public ProblemDetail unexpected(Exception e) {
        log.error("Command failed unexpectedly", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", Problems.UNCERTAIN_OUTCOME, "server.error");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "输入有误",
                "请求内容无法解析：请提交 UTF-8 编码的 JSON，日期格式为 2027-06-30，数字不加引号。", "input.unreadable"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "输入有误",
                "缺少参数 " + ex.getParameterName() + "。", "input.missing-parameter"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "输入有误", "参数 " + e.getName() + " 的值格式不正确。",
                "input.bad-parameter");
    }

    /**
     * A request body that could not be bound for a reason Spring calls a "conversion" rather than "not readable" —
     * Jackson's InvalidDefinitionException, e.g. a record property given twice. Still bad input, never a 500.
     */
    @ExceptionHandler(HttpMessageConversionException.class)
    public ProblemDetail conversion(HttpMessageConversionException e) {
        if (e instanceof HttpMessageNotWritableException) {
            return unexpected(e);
        }
        log.warn("Request body could not be bound: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.BAD_REQUEST, "输入有误",
                "请求内容无法解析：请提交 UTF-8 编码的 JSON，每个字段只写一次，日期格式为 2027-06-30，数字不加引号。",
                "input.unreadable");
    }

    /**
     * Spring MVC's own refusals (415, 405, 406, 404, missing parameters, …) come with English details and no code:
     * give them a Chinese title and detail and a stable code. Problem details Duban wrote itself are left alone.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            localize(ex, problem, response.getStatusCode().value());
        }
        return response;
    }

    private void localize(Exception ex, ProblemDetail problem, int status) {
        String detail;
        String code;
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            code = "input.unsupported-media-type";
            detail = "不支持的内容类型" + (e.getContentType() == null ? "" : "“" + e.getContentType() + "”") + "：本接口接受 "
                    + (e.getSupportedMediaTypes().isEmpty() ? "application/json"
                    : e.getSupportedMediaTypes().stream().map(Object::toString).distinct()
                    .collect(java.util.stream.Collectors.joining("、"))) + "（UTF-8）。";
        } else if (ex instanceof HttpRequestMethodNotSupportedException e) {
            code = "http.method-not-allowed";
            detail = "该地址不支持 " + e.getMethod() + " 请求"
                    + (e.getSupportedMethods() == null ? "" : "，可用：" + String.join("、", e.getSupportedMethods())) + "。";
        } else if (ex instanceof ServletRequestBindingException || ex instanceof MissingServletRequestPartException) {
            code = "input.missing-parameter";
            detail = "请求缺少必需的参数、请求头或内容。";
        } else if (ex instanceof MaxUploadSizeExceededException) {
            code = "input.too-large";
            detail = "上传的文件过大：每个文件不超过 " + evidenceLimits.maxFileSizeLabel() + "，一次合计不超过 "
                    + evidenceLimits.maxRequestSizeLabel() + "。未记录任何变更。";
        } else if (Problems.isChinese(problem.getDetail())) {
            // a Chinese detail written elsewhere (e.g. a ResponseStatusException's reason): keep it, add the rest
            code = status == 400 ? "input.invalid" : Problems.code(status);
            detail = problem.getDetail();
        } else {
            code = Problems.code(status);
            detail = Problems.detail(status);
        }
        problem.setTitle(Problems.title(status));
        problem.setDetail(detail);
        problem.setType(Problems.type(code));
        problem.setProperty("code", code);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, String code) {
        return Problems.of(status, title, detail, code);
    }
}
