package io.duban.deploy.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether a request names something the service has (a controller or an exposed actuator endpoint), asked when the
 * security rules refuse it: a path that does not exist is a 404, not a role problem. Static-resource handlers match
 * every path, so they do not count; the documentation's resources are open to everyone anyway.
 */
class KnownRoutes {

    private final ObjectProvider<HandlerMapping> mappings;

    KnownRoutes(ObjectProvider<HandlerMapping> mappings) {
        this.mappings = mappings;
    }

    boolean exist(HttpServletRequest request) {
        Object parsedPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            for (HandlerMapping mapping : mappings.orderedStream().toList()) {
                HandlerExecutionChain chain;
                try {
                    chain = mapping.getHandler(request);
                } catch (Exception e) {
                    return true; // the path exists, not with this method or content type
                }
                if (chain != null && !(chain.getHandler() instanceof ResourceHttpRequestHandler)) {
                    return true;
                }
            }
            return false;
        } finally {
            if (parsedPath == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsedPath);
            }
        }
    }
}
