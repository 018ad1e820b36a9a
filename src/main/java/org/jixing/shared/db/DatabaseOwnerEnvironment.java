package org.jixing.shared.db;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code JIXING_DB_OWNER} and {@code JIXING_DB_OWNER_PASSWORD} name the role Flyway
 * migrates as ({@code spring.flyway.user}/{@code password}), so that the application's
 * own role need not own its tables. Only when set: a Flyway user of its own makes Flyway
 * open connections of its own, which the embedded H2 must not have (a CHECK constraint
 * created in a session that closes stops working there). Registered in
 * META-INF/spring.factories.
 */
class DatabaseOwnerEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String owner = environment.getProperty("JIXING_DB_OWNER");
        if (owner != null && !owner.isBlank() && !environment.containsProperty("spring.flyway.user")) {
            environment.getPropertySources()
                .addLast(new MapPropertySource("jixing-db-owner", Map.of("spring.flyway.user", owner.strip(),
                        "spring.flyway.password", environment.getProperty("JIXING_DB_OWNER_PASSWORD", ""))));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
