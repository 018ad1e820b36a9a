package org.jixing;

import java.util.concurrent.Executor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * In the integration tests the asynchronous module listeners
 * ({@code @ApplicationModuleListener}) run in the thread that committed, right after the
 * commit, so a test asserts their effect at once instead of waiting: the same
 * transactions, the same event publication registry, the same handling of a failure (it
 * is logged, the caller is unaffected and the publication stays incomplete), only not on
 * another thread. Only {@code @Async} uses it; the application's task executor is left as
 * it is.
 */
@Configuration(proxyBeanMethods = false)
class ListenersInTheCommittingThread {

    @Bean
    AsyncConfigurer asyncInTheCommittingThread() {
        return new AsyncConfigurer() {

            @Override
            public Executor getAsyncExecutor() {
                return new SyncTaskExecutor();
            }

        };
    }

}
