package org.aidline.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test times out waiting for the service (which runs in this JVM), writes every thread's
 * stack to the build folder, so that a hang can be read afterwards instead of guessed at. A dump
 * taken at the timeout only shows who is still busy then; {@link #watch()} also dumps once while a
 * request has been waiting for {@link #WATCH_AFTER_SECONDS} seconds, when whatever holds it up is
 * still at work (with {@code -Daidline.hang-watch=true}).
 */
public class HangReport implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler, InvocationInterceptor {

    static final int WATCH_AFTER_SECONDS = 10;

    static {
        // Off by default: a long upload waits on purpose. -Daidline.hang-watch=true when chasing a hang.
        if (Boolean.getBoolean("aidline.hang-watch")) {
            watch();
        }
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        handleTestExecutionException(context, failure);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        // Dynamic tests (@TestFactory) are not offered to exception handlers.
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            handleTestExecutionException(extensionContext, failure);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (String.valueOf(failure.getMessage()).contains("Timeout on blocking read")) {
            write("hang-", context.getUniqueId());
        }
        throw failure;
    }

    private static void write(String prefix, String title) {
        StringBuilder dump = new StringBuilder(title).append('\n');
        dump.append(clientPools()).append('\n');
        dump.append(sockets()).append('\n');
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            dump.append('"').append(thread.getKey().getName()).append("\" ").append(thread.getKey().getState()).append('\n');
            for (StackTraceElement frame : thread.getValue()) {
                dump.append("\tat ").append(frame).append('\n');
            }
        }
        try {
            Files.writeString(Path.of("target", prefix + Instant.now().toEpochMilli() + ".txt"), dump);
        } catch (IOException ignored) {
            // The report is a help, never a reason for another failure.
        }
    }

    /**
     * Once a second: a thread that has been waiting in WebTestClient's exchange for a while gets one dump per wait.
     * A thread that sends one quick request after another is also in exchange at most samples; it is told apart by
     * the CPU it uses meanwhile (a thread waiting for an answer uses none).
     */
    private static void watch() {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        Thread watcher = new Thread(() -> {
            Map<Thread, long[]> waitingSince = new java.util.HashMap<>();
            while (true) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                    boolean waiting = java.util.Arrays.stream(thread.getValue())
                            .anyMatch(frame -> frame.getClassName().startsWith("org.springframework.test.web.reactive.server.DefaultWebTestClient")
                                    && frame.getMethodName().equals("exchange"));
                    if (!waiting) {
                        waitingSince.remove(thread.getKey());
                        continue;
                    }
                    long used = cpu.getThreadCpuTime(thread.getKey().getId());
                    long[] since = waitingSince.get(thread.getKey());
                    if (since == null || used - since[1] > 200_000_000L) {
                        // {started, cpu then, dumped}
                        waitingSince.put(thread.getKey(), new long[] {now, used, 0});
                    } else if (now - since[0] >= WATCH_AFTER_SECONDS * 1_000_000_000L && since[2] == 0) {
                        since[2] = 1;
                        write("hang-watch-", thread.getKey().getName() + " has waited " + WATCH_AFTER_SECONDS + " s for an answer");
                    }
                }
            }
        }, "hang-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * What the global connection pool of reactor-netty (every WebTestClient's and WebClient.create()'s) holds per
     * remote address: a request that waits for a connection shows up as a pending acquire. Read by reflection, as
     * reactor-netty does not publish it without Micrometer metrics on the provider.
     */
    public static String clientPools() {
        StringBuilder pools = new StringBuilder("reactor-netty global client pools:\n");
        try {
            Object resources = reactor.netty.http.HttpResources.get();
            java.lang.reflect.Field provider = reactor.netty.tcp.TcpResources.class.getDeclaredField("defaultProvider");
            provider.setAccessible(true);
            Object pooled = provider.get(resources);
            java.lang.reflect.Field channelPools = reactor.netty.resources.PooledConnectionProvider.class.getDeclaredField("channelPools");
            channelPools.setAccessible(true);
            for (Map.Entry<?, ?> pool : ((Map<?, ?>) channelPools.get(pooled)).entrySet()) {
                // reactor-netty shades reactor-pool: its InstrumentedPool is read by reflection too.
                Object metrics = metric(pool.getValue(), "metrics");
                java.lang.reflect.Field holder = pool.getKey().getClass().getDeclaredField("holder");
                holder.setAccessible(true);
                pools.append("  ").append(holder.get(pool.getKey())).append(": ").append(metric(metrics, "acquiredSize")).append(" acquired, ")
                        .append(metric(metrics, "idleSize")).append(" idle, ").append(metric(metrics, "pendingAcquireSize"))
                        .append(" pending acquire\n");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            pools.append("  (unreadable: ").append(e).append(")\n");
        }
        return pools.toString();
    }

    /**
     * Every TCP socket of the machine with its queues and owner ({@code ss -tanp}): whether a request
     * waits in a listener's accept queue, in a socket nobody reads, or went to another process.
     */
    static String sockets() {
        try {
            Process ss = new ProcessBuilder("ss", "-tanpi").redirectErrorStream(true).start();
            byte[] out = ss.getInputStream().readAllBytes();
            ss.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            return "ss -tanpi (this JVM is pid " + ProcessHandle.current().pid() + "):\n" + new String(out, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "(no ss: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static Object metric(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> contract : type.getInterfaces()) {
                try {
                    return contract.getMethod(name).invoke(target);
                } catch (NoSuchMethodException ignored) {
                    // another interface of the class
                }
            }
        }
        java.lang.reflect.Method method = target.getClass().getMethod(name);
        method.setAccessible(true);
        return method.invoke(target);
    }
}
