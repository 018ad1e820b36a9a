package org.jixing.training;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads imports run on: as many as {@code jixing.imports.threads}, apart from the
 * application's own task executor so that long imports never hold up its other work. A
 * stop interrupts the runs (they resume at the next start) and waits for them a while.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
class RosterImportConfiguration {

    static final String EXECUTOR = "rosterImportExecutor";

    @Bean(name = EXECUTOR, defaultCandidate = false)
    ThreadPoolTaskExecutor rosterImportExecutor(ImportProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.threads());
        executor.setMaxPoolSize(properties.threads());
        executor.setThreadNamePrefix("roster-import-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }

}
