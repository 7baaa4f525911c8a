package io.duban.deploy.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules Duban's OpenAPI document keeps, checked in Java so that every {@code mvn verify} runs them (redocly's lint,
 * {@link RedoclyLint}, needs Node.js): every operation has a summary and a unique operationId and documents the
 * problem answers it can give, each as {@code application/problem+json}: 400 when it takes parameters or a body,
 * 401 when it needs a login, 404 when its path names something; {@code /error} is no operation.
 */
public final class OpenApiRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM = "application/problem+json";

    private OpenApiRules() {
    }

    /** What breaks a rule, one line per finding ("GET /api/x: no summary"); empty when the document is clean. */
    public static List<String> check(JsonNode document) {
        List<String> findings = new ArrayList<>();
        boolean securedByDefault = document.path("security").size() > 0;
        Set<String> operationIds = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().equals("/error") || path.getKey().startsWith("/error/")) {
                findings.add(path.getKey() + ": the servlet error page is documented as an operation");
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    check(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue(), securedByDefault,
                            operationIds, findings);
                }
            }
        }
        return findings;
    }

    private static void check(String name, JsonNode operation, boolean securedByDefault, Set<String> operationIds,
                              List<String> findings) {
        if (operation.path("summary").asText("").isBlank()) {
            findings.add(name + ": no summary");
        }
        String operationId = operation.path("operationId").asText("");
        if (operationId.isBlank() || !operationIds.add(operationId)) {
            findings.add(name + ": operationId missing or not unique (" + operationId + ")");
        }
        JsonNode responses = operation.path("responses");
        boolean any4xx = false;
        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            if (code.startsWith("4") || code.startsWith("5")) {
                any4xx |= code.startsWith("4");
                if (responses.path(code).path("content").path(PROBLEM).isMissingNode()) {
                    findings.add(name + ": response " + code + " is not documented as " + PROBLEM);
                }
            }
        }
        if (!any4xx) {
            findings.add(name + ": no 4xx response documented");
        }
        boolean hasPathVariable = name.contains("{");
        boolean takesInput = operation.path("parameters").size() > 0 || operation.has("requestBody");
        boolean secured = operation.has("security") ? operation.path("security").size() > 0 : securedByDefault;
        require(name, responses, hasPathVariable, "404", findings);
        require(name, responses, takesInput, "400", findings);
        require(name, responses, secured, "401", findings);
    }

    private static void require(String name, JsonNode responses, boolean applies, String code, List<String> findings) {
        if (applies && !responses.has(code)) {
            findings.add(name + ": no " + code + " response documented");
        }
    }
}
