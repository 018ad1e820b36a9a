package org.jixing.demo.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --jixing.demo.export-people=people.csv --jixing.demo.count=1000000} streams that
 * many synthetic trainees to a CSV file (the roster format of the bulk import) and exits:
 * the benchmarks' data generator. Starts without the web server.
 */
@Component
@ConditionalOnProperty(name = "jixing.demo.export-people")
class PeopleExportCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PeopleExportCommand.class);

    private final ConfigurableApplicationContext context;

    private final Path file;

    private final long count;

    private final long seed;

    PeopleExportCommand(ConfigurableApplicationContext context, @Value("${jixing.demo.export-people}") String file,
            @Value("${jixing.demo.count:100000}") long count,
            @Value("${jixing.demo.export-seed:" + DemoSeeder.SEED + "}") long seed) {
        this.context = context;
        this.file = Path.of(file);
        this.count = count;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        long started = System.nanoTime();
        long written = export(file, seed, count);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Wrote {} synthetic people to {} in {} s ({} rows/s)", written, file.toAbsolutePath(),
                String.format("%.2f", seconds), String.format("%.0f", written / seconds));
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    static long export(Path file, long seed, long count) throws IOException {
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out,
                        CSVFormat.RFC4180.builder().setHeader("id_number", "name", "phone", "birth_date").get())) {
            SyntheticPeople people = new SyntheticPeople(seed, count);
            while (people.hasNext()) {
                SyntheticPeople.Person p = people.next();
                csv.printRecord(p.idNumber(), p.name(), p.phone(), p.birthDate());
                written++;
            }
        }
        return written;
    }

}
