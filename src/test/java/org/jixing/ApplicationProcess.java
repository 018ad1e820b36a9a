package org.jixing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Jixing in a process of its own (the main classes and dependencies, none of the test
 * classes), so that a test can kill it as an operating system would: {@link #kill()}
 * sends SIGKILL, and nothing in the process gets to finish its work.
 */
public final class ApplicationProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;

    private final int port;

    private final Path log;

    private ApplicationProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the application with these properties on a free port and returns once it
     * answers HTTP (or fails, with the end of its log, when it exits or takes longer than
     * {@code patience}).
     */
    public static ApplicationProcess start(Map<String, String> properties, Path log, Duration patience)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(applicationClasspath());
        command.add(JixingApplication.class.getName());
        command.add("--server.port=" + port);
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
        ApplicationProcess app = new ApplicationProcess(process, port, log);
        app.awaitServing(patience);
        return app;
    }

    /** The base address, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** An orderly stop (SIGTERM), killing it if it does not stop in a minute. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitServing(Duration patience) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> answer = HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application did not answer within " + patience + ":\n" + tail());
    }

    /** The last lines of the process's log, for a failure message. */
    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * This JVM's class path without the test classes: the application's classes and the
     * dependency jars. Surefire and Failsafe may hand the path over in the manifest of a
     * single jar, which is read then.
     */
    static String applicationClasspath() throws IOException {
        List<String> entries = new ArrayList<>(
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            try (JarFile jar = new JarFile(entries.get(0))) {
                String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    entries = Arrays.stream(manifestPath.trim().split("\\s+"))
                        .map(ApplicationProcess::fileOf)
                        .collect(Collectors.toCollection(ArrayList::new));
                }
            }
        }
        return entries.stream()
            .filter(e -> !e.replace('\\', '/').replaceAll("/$", "").endsWith("test-classes"))
            .collect(Collectors.joining(File.pathSeparator));
    }

    private static String fileOf(String manifestEntry) {
        if (manifestEntry.startsWith("file:")) {
            return Path.of(URI.create(manifestEntry)).toString();
        }
        return manifestEntry;
    }

}
