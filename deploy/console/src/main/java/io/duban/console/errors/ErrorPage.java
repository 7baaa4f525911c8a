package io.duban.console.errors;

import io.duban.console.ConsolePage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a browser is shown when a console request fails: a Chinese page in the console's layout instead of the API's
 * problem document. Only for browsers asking for HTML on the console's paths; the API, scripts and htmx's fragment
 * requests keep RFC 7807 JSON.
 *
 * @param message   Chinese, shown as text
 * @param reference for a server error: the id its log line carries, so a person can quote it; null otherwise
 */
public record ErrorPage(int status, String title, String message, String reference) {

    /** Where failed console requests are forwarded to (by {@link ConsoleErrorResolver} and the servlet error page). */
    public static final String PATH = ConsolePage.ROOT + "/error";
    /** Request attributes the forwarding side leaves for the page: the status, and a server error's reference. */
    public static final String STATUS_ATTRIBUTE = ErrorPage.class.getName() + ".status";
    public static final String REFERENCE_ATTRIBUTE = ErrorPage.class.getName() + ".reference";
    /** A refusal's own Chinese explanation (a 4xx the console wrote itself), shown instead of the generic one. */
    public static final String DETAIL_ATTRIBUTE = ErrorPage.class.getName() + ".detail";

    public static ErrorPage of(int status, String detail, String reference) {
        return switch (status) {
            case 404 -> new ErrorPage(404, "页面不存在", "您访问的页面不存在或已被移除，请检查地址，或从导航重新进入。", null);
            case 403 -> new ErrorPage(403, "无权访问", detail != null ? detail : "您的角色无权查看此页面。", null);
            default -> status >= 500
                    ? new ErrorPage(status, "系统繁忙", "系统暂时无法完成您的请求，请稍后重试。"
                            + "如问题持续存在，请将下方的参考编号告知系统管理员。", reference)
                    : new ErrorPage(status, "请求有误",
                            detail != null ? detail : "请求无法处理，请检查输入或返回上一页后重试。", null);
        };
    }

    /**
     * Whether the request is a browser's asking for a console page: a path of the console (not its static files) or
     * the home page, an Accept header naming text/html (browsers' navigations do; curl, scripts and htmx send
     * {@code *}{@code /*}), and not one of htmx's fragment requests.
     */
    public static boolean wanted(HttpServletRequest request, String path) {
        if (path == null || request.getHeader("HX-Request") != null) {
            return false;
        }
        boolean consolePath = path.equals("/") || path.equals(ConsolePage.ROOT)
                || (path.startsWith(ConsolePage.ROOT + "/") && !path.startsWith(ConsolePage.ROOT + "/assets/"));
        return consolePath && acceptsHtml(request.getHeader(HttpHeaders.ACCEPT));
    }

    /** A new reference for a server error: short enough to read out on the telephone. */
    public static String newReference() {
        byte[] bytes = new byte[5];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static boolean acceptsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type) && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
