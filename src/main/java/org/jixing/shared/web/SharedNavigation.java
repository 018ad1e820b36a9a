package org.jixing.shared.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedNavigation {

    @Bean
    NavItem homeNav() {
        return new NavItem("nav.home", "/", 0, Set.of());
    }

    @Bean
    NavItem apiDocsNav() {
        return new NavItem("nav.apiDocs", "/swagger-ui.html", 900, Set.of());
    }

}
