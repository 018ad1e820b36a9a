package org.jixing;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tests start from an empty, freshly migrated database, also when it is a shared
 * PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class TestDatabaseReset {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }

}
