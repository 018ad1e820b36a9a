package org.jixing.account.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the two ways to authenticate. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    @Bean
    OpenAPI jixingOpenApi() {
        return new OpenAPI()
            .info(new Info().title("Jixing API")
                .version("v1")
                .description("""
                        The REST API of Jixing (技兴), the platform of a province's subsidised vocational-skills \
                        training. Every call runs with the caller's role and data scope, as the pages do: a record \
                        outside the scope answers 404. Errors are RFC 9457 problem+json in Chinese, or in English \
                        with Accept-Language: en.

                        Authenticate with an API token (create one on 我的账户 / My account and send \
                        Authorization: Bearer jx_…; no CSRF token needed), or with the browser session cookie after \
                        form login (writes then need the CSRF token in X-CSRF-TOKEN).""")
                .license(new License().name("Open source")))
            .components(new Components()
                .addSecuritySchemes("apiToken",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("jx_ token")
                            .description("A personal API token from 我的账户 / My account"))
                .addSecuritySchemes("session",
                        new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.COOKIE)
                            .name("SESSION")
                            .description("The session cookie of a form login")))
            .addSecurityItem(new SecurityRequirement().addList("apiToken"))
            .addSecurityItem(new SecurityRequirement().addList("session"));
    }

}
