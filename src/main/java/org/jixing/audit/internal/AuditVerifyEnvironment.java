package org.jixing.audit.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the application is started only to verify the audit trail, it starts without the
 * web server and without generating demo data. Registered in META-INF/spring.factories.
 */
class AuditVerifyEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("true".equals(environment.getProperty("jixing.audit.verify"))) {
            environment.getPropertySources()
                .addFirst(new MapPropertySource("jixing-audit-verify", Map.of("spring.main.web-application-type",
                        "none", "jixing.demo.seed", "false", "spring.main.banner-mode", "off")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
