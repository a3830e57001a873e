package aidline.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load run of bench/run. Open model: virtual users arrive at the rates of {@code bench.profile}
 * ("rate:seconds,rate:seconds,...", or "from-to:seconds" for a ramp), each sends one request and leaves; connections are shared. The
 * warm-up is closed ("cN:seconds": N users, each sending its next request when the last is answered),
 * which runs the service flat out without knowing its capacity, and so estimates it.
 * Every request is written to {@code bench.out} as "sent_us,answered_us,status,report_id" (epoch
 * microseconds) for bench/lib/analyze.py; Gatling's own report is not generated.
 *
 * <p>{@code bench.target=reports}: POST /api/v1/reports with the next token, a new Idempotency-Key and
 * a fresh body. {@code bench.target=me}: GET /api/v1/me with the same tokens (the HTTP floor).
 */
public class AidlineSimulation extends Simulation {

    private static final String TARGET = System.getProperty("bench.target", "reports");
    private static final List<String> TOKENS = lines(System.getProperty("bench.tokens"));
    private static final AtomicLong NEXT_TOKEN = new AtomicLong();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final int MAX_IN_FLIGHT = Integer.getInteger("bench.maxInFlight", 2000);
    private static final BufferedWriter OUT = writer(System.getProperty("bench.out"));
    private static boolean closed; // guarded by OUT
    private static final Reports REPORTS = TARGET.equals("reports")
            ? new Reports(lines(System.getProperty("bench.villages")), Long.getLong("bench.firstPerson", 0))
            : null;

    HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl", "http://127.0.0.1:8080"))
            .shareConnections()
            .disableWarmUp()
            .disableCaching()
            .acceptHeader("application/json")
            .acceptLanguageHeader("zh-CN");

    HttpRequestActionBuilder request = TARGET.equals("reports")
            ? http("report").post("/api/v1/reports")
                    .header("Authorization", "#{auth}")
                    .header("Idempotency-Key", "#{key}")
                    .header("Content-Type", "application/json")
                    .body(StringBody("#{body}"))
                    .check(status().saveAs("status"), regex("^\\{\"id\":\"([0-9a-f-]{36})\"").optional().saveAs("id"))
            : http("me").get("/api/v1/me")
                    .header("Authorization", "#{auth}")
                    .check(status().saveAs("status"));

    ScenarioBuilder scenario = scenario(TARGET)
            .exec(stopLoadGeneratorIf("more than " + MAX_IN_FLIGHT + " requests waiting: the service is saturated",
                    session -> IN_FLIGHT.get() > MAX_IN_FLIGHT))
            .exec(session -> {
                IN_FLIGHT.incrementAndGet();
                Session next = session.set("auth", "Bearer " + TOKENS.get((int) (NEXT_TOKEN.getAndIncrement() % TOKENS.size())));
                if (REPORTS != null) {
                    next = next.set("key", UUID.randomUUID().toString()).set("body", REPORTS.next());
                }
                return next.set("sent", micros());
            })
            .exec(request)
            .exec(session -> {
                IN_FLIGHT.decrementAndGet();
                record(session.getLong("sent") + "," + micros() + ","
                        + (session.contains("status") ? session.getInt("status") : 0) + ","
                        + (session.contains("id") ? session.getString("id") : ""));
                return session;
            });

    {
        String profile = System.getProperty("bench.profile", "10:5");
        setUp(profile.startsWith("c")
                ? scenario.injectClosed(constantConcurrentUsers(Integer.parseInt(profile.substring(1, profile.indexOf(':'))))
                        .during(Integer.parseInt(profile.substring(profile.indexOf(':') + 1))))
                : scenario.injectOpen(profile(profile)))
                .protocols(protocol);
    }

    @Override
    public void after() {
        try {
            synchronized (OUT) {
                closed = true;
                OUT.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenInjectionStep[] profile(String steps) {
        List<OpenInjectionStep> injection = new ArrayList<>();
        for (String step : steps.split(",")) {
            String[] rateAndSeconds = step.split(":");
            int seconds = Integer.parseInt(rateAndSeconds[1]);
            if (rateAndSeconds[0].contains("-")) { // "from-to:seconds", a linear ramp
                String[] fromTo = rateAndSeconds[0].split("-");
                injection.add(rampUsersPerSec(Double.parseDouble(fromTo[0])).to(Double.parseDouble(fromTo[1])).during(seconds));
            } else {
                injection.add(constantUsersPerSec(Double.parseDouble(rateAndSeconds[0])).during(seconds));
            }
        }
        return injection.toArray(OpenInjectionStep[]::new);
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static void record(String line) {
        try {
            synchronized (OUT) {
                if (closed) {
                    return; // answered after the run was stopped: not part of it
                }
                OUT.write(line);
                OUT.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedWriter writer(String file) {
        try {
            return Files.newBufferedWriter(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
