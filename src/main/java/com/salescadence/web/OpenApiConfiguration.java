package com.salescadence.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI salesCadenceApi() {
        return new OpenAPI()
                .info(new Info().title("Sales cadence engine API").version("v1")
                        .description("Leads, accounts, opportunities, stage history, orders, invoices and payments. "
                                + "Actions complete the caller's open task in the lead-to-cash process, exactly as the "
                                + "Tasklist does. Authenticate with HTTP Basic (the demo logins are in README.md). "
                                + "The engine's own REST API is under /engine-rest."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
