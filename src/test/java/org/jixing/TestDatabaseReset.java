package org.jixing;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tests start from an empty, freshly migrated database, also when it is a shared
 * PostgreSQL. A benchmark with costly data may keep what an earlier run left in its own
 * schema ({@code -Djixing.it.keep-data=true}): then the schema is only migrated.
 */
@Configuration(proxyBeanMethods = false)
class TestDatabaseReset {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            if (!Boolean.getBoolean("jixing.it.keep-data")) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }

}
