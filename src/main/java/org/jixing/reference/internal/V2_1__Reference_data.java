package org.jixing.reference.internal;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the reference data from CSV files at {@code jixing.reference.location} (default
 * {@code classpath:reference/}) on the first migration. Another province points the
 * property at a folder of its own files before its first start.
 */
@Component
class V2_1__Reference_data extends BaseJavaMigration {

    private final ResourceLoader resources;

    private final String location;

    V2_1__Reference_data(ResourceLoader resources,
            @Value("${jixing.reference.location:classpath:reference/}") String location) {
        this.resources = resources;
        this.location = location;
    }

    @Override
    public void migrate(Context context) throws Exception {
        ReferenceCsvLoader.loadAll(context.getConnection(), resources, location);
    }

}
