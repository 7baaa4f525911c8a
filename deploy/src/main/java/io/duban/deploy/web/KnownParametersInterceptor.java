package io.duban.deploy.web;

import io.duban.command.api.CommandRefusedException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a read whose query string names a parameter its handler does not declare, as a 400 problem naming it
 * ({@code input.unknown-parameter}). Without this, {@code GET /api/commitments?status=OPEN} (the filter is
 * {@code light}) silently ignored the misspelt filter and answered every commitment, which reads as a valid answer.
 * <p>
 * The allowed names are the handler method's {@link RequestParam} names, found once per method; a handler that reads
 * parameters itself (a {@code Map} of them, the servlet request or a {@link WebRequest}) is not checked. Only GET and
 * HEAD, and only Duban's own controllers (not Swagger UI's or the actuator's), are checked.
 */
public class KnownParametersInterceptor implements HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** Per handler method: the parameter names it declares, or empty when it reads parameters by itself. */
    private final Map<Method, Optional<Set<String>>> declared = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !checked(request, method)) {
            return true;
        }
        Optional<Set<String>> allowed = declared.computeIfAbsent(method.getMethod(), m -> allowedNames(method));
        if (allowed.isEmpty()) {
            return true;
        }
        List<String> unknown = Collections.list(request.getParameterNames()).stream()
                .filter(name -> !allowed.get().contains(name)).sorted().toList();
        if (unknown.isEmpty()) {
            return true;
        }
        throw CommandRefusedException.invalid("input.unknown-parameter", "不认识的查询参数 "
                + String.join("、", unknown) + "：本接口"
                + (allowed.get().isEmpty() ? "不接受查询参数" : "只接受 " + String.join("、", allowed.get()))
                + "。请检查参数名称的拼写。");
    }

    private static boolean checked(HttpServletRequest request, HandlerMethod method) {
        String verb = request.getMethod();
        return ("GET".equals(verb) || "HEAD".equals(verb))
                && method.getBeanType().getPackageName().startsWith("io.duban.");
    }

    static Optional<Set<String>> allowedNames(HandlerMethod method) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (ServletRequest.class.isAssignableFrom(type) || WebRequest.class.isAssignableFrom(type)) {
                return Optional.empty();
            }
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(type) || MultiValueMap.class.isAssignableFrom(type)) {
                return Optional.empty();
            }
            String name = param.name().isEmpty() ? param.value() : param.name();
            if (name.isEmpty()) {
                parameter.initParameterNameDiscovery(NAMES);
                name = parameter.getParameterName();
            }
            if (name == null) {
                return Optional.empty(); // compiled without -parameters: cannot tell, so do not refuse
            }
            names.add(name);
        }
        return Optional.of(Collections.unmodifiableSet(names));
    }
}
