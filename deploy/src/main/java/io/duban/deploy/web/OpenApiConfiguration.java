package io.duban.deploy.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs and Swagger UI at /swagger-ui.html, with HTTP Basic declared. */
@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI dubanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Duban 督办 API").version("v1")
                        .description("Supervision of policy commitments: catalog, commitments, progress, deadline "
                                + "changes, major issues, completion, item and unit boards, timelines. Errors are "
                                + "RFC 7807 problem details with a Chinese detail and a stable code."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
