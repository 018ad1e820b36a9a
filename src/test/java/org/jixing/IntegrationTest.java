package org.jixing;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: one shared application context on a real server port,
 * with MockMvc, on the embedded H2 or, when {@code jixing.it.db-url} is set (the
 * {@code postgres} Maven profile), on PostgreSQL. The database is emptied and migrated
 * once per run; the demo accounts exist with the password {@link #DEMO_PASSWORD}. Do not
 * add per-class configuration: it would start a second context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class IntegrationTest {

    public static final String DEMO_PASSWORD = "demo-password-for-tests";

    /** The application's clock; a test may move it, and it is back to real time after. */
    @Autowired
    protected TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = System.getProperty("jixing.it.db-url", "");
        if (!url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> System.getProperty("jixing.it.db-user", "postgres"));
            registry.add("spring.datasource.password", () -> System.getProperty("jixing.it.db-password", ""));
            registry.add("spring.flyway.schemas", () -> System.getProperty("jixing.it.schema", "jixing_it"));
        }
    }

}
