package org.jixing.demo.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A start that only exports synthetic people runs without the web server and without
 * seeding the demo. Registered in META-INF/spring.factories.
 */
class CommandEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("jixing.demo.export-people")) {
            environment.getPropertySources()
                .addFirst(new MapPropertySource("jixing-demo-export", Map.of("spring.main.web-application-type", "none",
                        "jixing.demo.seed", "false", "spring.main.banner-mode", "off")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
