package org.aidline.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link to a real server (PostgreSQL, Redis) that a fault test can cut and restore: cut, every
 * open connection is closed and new ones are refused, as when the server is stopped; restored, the
 * same port accepts again, as when it is back. The server itself, shared with other tests, is left alone.
 */
public final class FaultyLink implements AutoCloseable {

    private final int target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    private FaultyLink(int target, int port) {
        this.target = target;
        this.port = port;
    }

    /** A link on a free local port to {@code 127.0.0.1:target}, up. */
    public static FaultyLink to(int target) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        FaultyLink link = new FaultyLink(target, port);
        link.restore();
        return link;
    }

    public int port() {
        return port;
    }

    /** Up again on the same port. */
    public synchronized void restore() throws IOException {
        if (listening != null) {
            return;
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listening = server;
        Thread acceptor = new Thread(() -> accept(server), "faulty-link-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Down: open connections closed, new ones refused. */
    public synchronized void cut() throws IOException {
        ServerSocket server = listening;
        listening = null;
        if (server != null) {
            server.close();
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException closed) {
                // Cut, or the server refused: the client sees its connection closed.
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // Either side went away: both are closed below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "faulty-link-pipe-" + port);
        copier.setDaemon(true);
        copier.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
