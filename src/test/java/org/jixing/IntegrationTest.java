package org.jixing;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.servlet.http.Cookie;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every integration test: one shared application context on a real server port,
 * with MockMvc, on the embedded H2 or, when {@code jixing.it.db-url} is set (the
 * {@code postgres} Maven profile), on PostgreSQL. The database is emptied and migrated
 * once per run; the demo accounts exist with the password {@link #DEMO_PASSWORD}. Do not
 * add per-class configuration: it would start a second context. A test composes the
 * fixtures it needs by implementing them ({@link Fixture}); this class answers what they
 * ask of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class IntegrationTest implements Fixture {

    public static final String DEMO_PASSWORD = "demo-password-for-tests";

    /** The application's clock; a test may move it, and it is back to real time after. */
    @Autowired
    protected TestClock clock;

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    private Flyway flyway;

    @Autowired
    private ApplicationContext context;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private Cookie admin;

    private Cookie jinan;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Override
    public MockMvc mvc() {
        return mvc;
    }

    @Override
    public JsonMapper json() {
        return json;
    }

    @Override
    public TestClock clock() {
        return clock;
    }

    @Override
    public LocalDate today() {
        return today;
    }

    @Override
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public Cookie admin() {
        if (admin == null) {
            admin = signIn("admin");
        }
        return admin;
    }

    @Override
    public Cookie jinan() {
        if (jinan == null) {
            jinan = signIn("jinan");
        }
        return jinan;
    }

    /** A demo account signed in through the login form: its session cookie. */
    protected Cookie signIn(String username) {
        try {
            return SignedIn.as(mvc, username);
        }
        catch (Exception ex) {
            throw new IllegalStateException(username + " could not sign in", ex);
        }
    }

    /**
     * SQL as the tables' owner (the role Flyway migrates as), for what the application's
     * role may not do on PostgreSQL: DDL, disabling a trigger to tamper with the audit
     * trail on purpose. On H2 it is the same database user.
     */
    protected JdbcClient asOwner() {
        return JdbcClient.create(flyway.getConfiguration().getDataSource());
    }

    /**
     * On PostgreSQL, the application connects as {@code jixing.it.db-user} and, when
     * {@code jixing.it.db-owner} is set, Flyway migrates as that owner, so the tests run
     * as production does: the application's role owns no table (.ci/run creates both
     * roles).
     */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = System.getProperty("jixing.it.db-url", "");
        if (!url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> property("jixing.it.db-user", "postgres"));
            registry.add("spring.datasource.password", () -> property("jixing.it.db-password", ""));
            registry.add("spring.flyway.schemas", () -> property("jixing.it.schema", "jixing_it"));
            String owner = property("jixing.it.db-owner", "");
            if (!owner.isBlank()) {
                registry.add("spring.flyway.user", () -> owner);
                registry.add("spring.flyway.password", () -> property("jixing.it.db-owner-password", ""));
            }
        }
    }

    /** A system property, or the fallback when it is missing or blank. */
    private static String property(String name, String fallback) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? fallback : value;
    }

}
