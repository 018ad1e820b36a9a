package org.jixing.demo.internal;

import org.jixing.account.SecondFactors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the demo province was generated, its shared accounts work without a second factor
 * (they may turn it on); everywhere else the roles of
 * {@code jixing.accounts.second-factor-required-roles} must enrol. Asked at every start,
 * after the seeder (which may have just generated it).
 */
@Component
class DemoSecondFactor {

    private final JdbcClient jdbc;

    private final SecondFactors factors;

    DemoSecondFactor(JdbcClient jdbc, SecondFactors factors) {
        this.jdbc = jdbc;
        this.factors = factors;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void onReady() {
        if (jdbc.sql("select count(*) from demo_run").query(Long.class).single() > 0) {
            factors.waiveRequirementForDemo();
        }
    }

}
