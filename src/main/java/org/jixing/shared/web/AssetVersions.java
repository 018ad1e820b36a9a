package org.jixing.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Versions of the assets served from mvnpm jars at versioned paths; filled from the pom
 * at build time so the version lives in one place.
 */
@ConfigurationProperties("jixing.assets")
public record AssetVersions(String bootstrap, String echarts) {

    public String bootstrapCss() {
        return "/_static/bootstrap/" + bootstrap + "/dist/css/bootstrap.min.css";
    }

    public String bootstrapJs() {
        return "/_static/bootstrap/" + bootstrap + "/dist/js/bootstrap.bundle.min.js";
    }

    public String echartsJs() {
        return "/_static/echarts/" + echarts + "/dist/echarts.min.js";
    }
}
