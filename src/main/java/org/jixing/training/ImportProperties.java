package org.jixing.training;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Roster imports: where uploaded files are kept (the import reads them in the background
 * and again for the result file), how many rows a transaction takes, how many imports run
 * at once.
 */
@ConfigurationProperties("jixing.imports")
public record ImportProperties(Path directory, Integer chunkRows, Integer threads) {

    public ImportProperties {
        directory = directory == null ? Path.of("data", "imports") : directory;
        chunkRows = chunkRows == null || chunkRows < 1 ? 5_000 : chunkRows;
        threads = threads == null || threads < 1 ? 2 : threads;
    }

    /** Where an import's file is kept. */
    public Path fileOf(long importId) {
        return directory.resolve("roster-import-" + importId + ".bin");
    }

}
