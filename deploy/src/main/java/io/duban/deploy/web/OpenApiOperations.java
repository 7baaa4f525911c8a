package io.duban.deploy.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every operation of {@code /v3/api-docs} its summary and its problem answers (RFC 7807,
 * {@code application/problem+json}, schema {@code Problem}) from {@code openapi/operations.yml}. Kept in one file
 * rather than as annotations on the controllers of four modules, so the API reads as one document and the modules
 * need no OpenAPI dependency.
 */
@Component
public class OpenApiOperations implements OpenApiCustomizer {

    static final String RESOURCE = "openapi/operations.yml";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "Problem";

    /** "POST /api/commitments" to {summary, problems}. */
    private final Map<String, Map<String, Object>> operations;

    public OpenApiOperations() {
        this.operations = new HashMap<>();
        try {
            // every jar's file of that name: an assembly running the product describes its own endpoints the same way
            ClassLoader loader = OpenApiOperations.class.getClassLoader();
            for (URL file : Collections.list(loader.getResources(RESOURCE))) {
                try (InputStream in = file.openStream()) {
                    Map<String, Map<String, Object>> described = new Yaml().load(in);
                    if (described != null) {
                        operations.putAll(described);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                describe(method + " " + path, operation)));
    }

    private void describe(String key, Operation operation) {
        Map<String, Object> described = operations.get(key);
        if (described == null) {
            return; // left without a summary: ServiceHygieneEndToEndTest names it
        }
        operation.setSummary((String) described.get("summary"));
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        @SuppressWarnings("unchecked")
        List<Integer> problems = (List<Integer>) described.getOrDefault("problems", List.of());
        for (int status : problems) {
            operation.getResponses().addApiResponse(Integer.toString(status), new ApiResponse()
                    .description(description(status))
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
        }
    }

    static String description(int status) {
        return switch (status) {
            case 400 -> "输入有误，未记录任何变更（如 input.bad-parameter、input.unknown-parameter、input.unreadable）";
            case 401 -> "未登录或凭据无效（auth.unauthenticated）";
            case 403 -> "角色或所属单位无权执行此操作，未记录任何变更";
            case 404 -> "未找到所指的对象";
            case 409 -> "不符合办理规则（如已办结、重复登记、并发修改），未记录任何变更";
            case 422 -> "符合条件的记录过多，请缩小范围（query.too-broad）";
            default -> "请求无法处理（HTTP " + status + "）";
        };
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 7807 problem detail: 中文的 title 与 detail，稳定的 code")
                .addProperty("type", new StringSchema().example("urn:duban:problem:input.unknown-parameter"))
                .addProperty("title", new StringSchema().example("输入有误"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("不认识的查询参数 status：本接口只接受 unitId、policyId、itemNumber、light。"))
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().example("input.unknown-parameter"));
    }
}
