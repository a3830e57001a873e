package org.aidline.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A PostgreSQL of one test's own, which it may stop and start again (same port, same data): the
 * embedded one the other tests of the JVM share is never touched.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private OwnPostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    public static OwnPostgres startIn(Path data) {
        OwnPostgres postgres = new OwnPostgres(data, freePort());
        postgres.start();
        return postgres;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            // Not cleaned on stop, so that a start again finds the migrated database where it was.
            server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("The test's own PostgreSQL did not start", e);
        }
    }

    /** As an operator's {@code pg_ctl stop -m fast}: sessions are ended, the port closes. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The test's own PostgreSQL did not stop", e);
        } finally {
            server = null;
        }
    }

    /** The properties that point an instance of the service at this database. */
    public String[] properties() {
        return new String[] {
                "spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:" + port + "/postgres",
                "spring.r2dbc.username=postgres",
                "spring.flyway.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "spring.flyway.user=postgres"};
    }

    /** A session of the test's own, with the service's search path. */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        try (var statement = connection.createStatement()) {
            statement.execute("set search_path = " + org.aidline.api.schema.ModuleSchemas.searchPath());
        }
        return connection;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
