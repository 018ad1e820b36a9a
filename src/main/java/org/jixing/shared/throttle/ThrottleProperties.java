package org.jixing.shared.throttle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jixing.throttle.policies.<use>.capacity} and {@code .refill-every}: the bucket
 * of each use, overriding the defaults the using code declares.
 */
@ConfigurationProperties("jixing.throttle")
public class ThrottleProperties {

    private Map<String, Policy> policies = new LinkedHashMap<>();

    public Map<String, Policy> getPolicies() {
        return policies;
    }

    public void setPolicies(Map<String, Policy> policies) {
        this.policies = policies;
    }

    public static class Policy {

        private Integer capacity;

        private Duration refillEvery;

        public Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(Integer capacity) {
            this.capacity = capacity;
        }

        public Duration getRefillEvery() {
            return refillEvery;
        }

        public void setRefillEvery(Duration refillEvery) {
            this.refillEvery = refillEvery;
        }

    }

}
