package org.aidline.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.aidline.intake.background.Backoff;
import org.aidline.intake.background.DatabaseWakeups;
import org.aidline.intake.background.DispatchLoop;
import org.aidline.intake.background.LoopLifecycle;
import org.aidline.intake.calendar.CalendarYears;
import org.aidline.intake.casework.CaseClosure;
import org.aidline.intake.casework.TaskProgress;
import org.aidline.notification.delivery.DeadLetterDesk;
import org.aidline.notification.delivery.DeliverySettings;
import org.aidline.notification.delivery.NotificationDispatcher;
import org.aidline.notification.delivery.Notifications;
import org.aidline.notification.delivery.PushSender;
import org.aidline.notification.delivery.SmsSender;
import org.aidline.notification.delivery.persistence.R2dbcNotifications;
import org.aidline.notification.device.DeviceRegistry;
import org.aidline.notification.device.Devices;
import org.aidline.notification.device.PushService;
import org.aidline.notification.device.persistence.R2dbcDevices;
import org.aidline.notification.escalation.AcknowledgementSweep;
import org.aidline.notification.workorder.WorkOrderDesk;
import org.aidline.notification.workorder.WorkOrders;
import org.aidline.notification.workorder.persistence.R2dbcWorkOrders;
import org.aidline.notification.escalation.SilentAssignees;
import org.aidline.notification.escalation.persistence.R2dbcSilentAssignees;
import org.aidline.notification.provider.FcmPushSender;
import org.aidline.notification.provider.FcmServiceAccount;
import org.aidline.notification.provider.HttpSmsSender;
import org.aidline.notification.provider.JPushSender;
import org.aidline.notification.provider.LoggingPushSender;
import org.aidline.notification.provider.LoggingSmsSender;
import org.aidline.notification.stream.TaskEvents;
import org.aidline.notification.stream.TaskSignals;
import org.aidline.notification.stream.TaskStream;
import org.aidline.notification.stream.persistence.R2dbcTaskEvents;
import org.aidline.notification.stream.redis.RedisTaskSignals;
import org.aidline.notification.task.CoordinatorTasks;
import org.aidline.notification.task.StaffAvailability;
import org.aidline.notification.task.TaskDesk;
import org.aidline.notification.task.TaskOpening;
import org.aidline.notification.task.persistence.R2dbcCoordinatorTasks;
import org.aidline.notification.task.persistence.R2dbcStaffAvailability;
import org.aidline.notification.task.persistence.R2dbcTaskProgress;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires coordinator tasks and their delivery. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
@Import({PlatformExchangeConfiguration.class, NotificationMetricsConfiguration.class})
public class NotificationConfiguration {

    @Bean
    CoordinatorTasks coordinatorTasks(DatabaseClient database, TransactionalOperator transactions, Clock clock) {
        return new R2dbcCoordinatorTasks(database, transactions, clock);
    }

    /** Subscribed to intake's events: a report filed opens its task; its later status changes go on the task's stream. */
    @Bean
    TaskOpening taskOpening(CoordinatorTasks tasks, CalendarYears calendars, NotificationDispatcher dispatcher, TaskSignals signals,
            NotificationProperties properties) {
        // An instance that does not dispatch leaves the pushes to those that do.
        return new TaskOpening(tasks, calendars, properties.enabled() ? dispatcher::dispatchFor : reports -> Mono.empty(), signals::changed);
    }

    @Bean
    Notifications notifications(DatabaseClient database) {
        return new R2dbcNotifications(database);
    }

    @Bean
    StaffAvailability staffAvailability(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcStaffAvailability(database, transactions);
    }

    @Bean
    Devices devices(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcDevices(database, transactions);
    }

    @Bean
    TaskSignals taskSignals(ReactiveStringRedisTemplate redis) {
        return new RedisTaskSignals(redis);
    }

    @Bean
    TaskDesk taskDesk(CoordinatorTasks tasks, TaskSignals signals, CaseClosure closure, Clock clock) {
        return new TaskDesk(tasks, signals::changed, closure::closeIfDone, clock);
    }

    @Bean
    WorkOrders workOrders(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcWorkOrders(database, transactions);
    }

    @Bean
    WorkOrderDesk workOrderDesk(TaskDesk desk, CoordinatorTasks tasks, WorkOrders orders, CalendarYears calendars, TaskSignals signals,
            CaseClosure closure, Clock clock) {
        return new WorkOrderDesk(desk, tasks, orders, calendars, signals::changed, closure::closeIfDone, clock);
    }

    /** Intake's cases close when their task does: this answers whether it has. */
    @Bean
    TaskProgress taskProgress(DatabaseClient database) {
        return new R2dbcTaskProgress(database);
    }

    @Bean
    DeviceRegistry deviceRegistry(Devices devices, Clock clock) {
        return new DeviceRegistry(devices, clock);
    }

    @Bean
    DeadLetterDesk deadLetterDesk(Notifications notifications, TaskDesk tasks, Clock clock) {
        return new DeadLetterDesk(notifications, tasks, clock);
    }

    @Bean
    TaskEvents taskEvents(DatabaseClient database, Clock clock) {
        return new R2dbcTaskEvents(database, clock);
    }

    @Bean
    TaskStream taskStream(TaskEvents events, TaskSignals signals, Notifications notifications, Clock clock,
            NotificationProperties properties) {
        return new TaskStream(events, signals, notifications, clock, properties.stream().poll());
    }

    @Bean
    SilentAssignees silentAssignees(DatabaseClient database) {
        return new R2dbcSilentAssignees(database);
    }

    @Bean
    AcknowledgementSweep acknowledgementSweep(SilentAssignees silent, TaskSignals signals, Clock clock, NotificationProperties properties) {
        return new AcknowledgementSweep(silent, signals::changed, clock, properties.sweep().batchSize());
    }

    @Bean
    NotificationDispatcher notificationDispatcher(Notifications notifications, NotificationProperties properties, TaskSignals signals,
            Clock clock, MeterRegistry meters) {
        WebClient.Builder http = providerHttp();
        DeliverySettings settings = new DeliverySettings(properties.batchSize(), properties.concurrency(), properties.lease(),
                properties.maxAttempts(), new Backoff(properties.retry().base(), properties.retry().max()));
        return new NotificationDispatcher(notifications, pushSenders(properties, http, clock), smsSender(properties, http),
                settings, signals::changed, clock, () -> ThreadLocalRandom.current().nextDouble(), meters);
    }

    @Bean
    DatabaseWakeups notificationWakeups(ConnectionFactory connections) {
        return new DatabaseWakeups(connections, R2dbcNotifications.DUE_CHANNEL);
    }

    @Bean
    SmartLifecycle notificationDispatching(NotificationDispatcher dispatcher, DatabaseWakeups wakeups, NotificationProperties properties) {
        return new LoopLifecycle(properties.enabled()
                ? new DispatchLoop("Dispatching notifications", dispatcher::dispatchDue, wakeups.signals(), properties.pollInterval())
                : null);
    }

    @Bean
    SmartLifecycle acknowledgementSweeping(AcknowledgementSweep sweep, NotificationProperties properties) {
        return new LoopLifecycle(properties.enabled() && properties.sweep().enabled()
                ? new DispatchLoop("Sweeping unacknowledged tasks", sweep::sweep, Flux.never(), properties.sweep().period())
                : null);
    }

    /** The HTTP client of every provider adapter. */
    public static WebClient.Builder providerHttp() {
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                // Below the senders' own timeouts, so that a dead host is a quick retry rather than a whole timeout.
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)));
    }

    public static List<PushSender> pushSenders(NotificationProperties properties, WebClient.Builder http, Clock clock) {
        if (properties.push().mode() == NotificationProperties.Mode.LOGGING) {
            return List.of(new LoggingPushSender(PushService.FCM), new LoggingPushSender(PushService.JPUSH));
        }
        List<PushSender> senders = new ArrayList<>();
        NotificationProperties.Fcm fcm = properties.fcm();
        if (fcm.configured()) {
            WebClient client = http.clone().baseUrl(fcm.baseUrl().toString()).build();
            senders.add(new FcmPushSender(client, fcm.projectId(), serviceAccount(fcm, http.clone().build(), clock), fcm.timeout()));
        }
        NotificationProperties.JPush jpush = properties.jpush();
        if (jpush.configured()) {
            WebClient client = http.clone().baseUrl(jpush.baseUrl().toString()).build();
            senders.add(new JPushSender(client, jpush.appKey(), jpush.masterSecret(), jpush.timeout(), jpush.apnsProduction()));
        }
        if (senders.isEmpty()) {
            throw new IllegalStateException("aidline.notifications.push.mode=live needs aidline.notifications.fcm.* or aidline.notifications.jpush.*");
        }
        return senders;
    }

    public static SmsSender smsSender(NotificationProperties properties, WebClient.Builder http) {
        NotificationProperties.Sms sms = properties.sms();
        if (properties.push().mode() == NotificationProperties.Mode.LOGGING && !sms.configured()) {
            return new LoggingSmsSender();
        }
        if (!sms.configured()) {
            throw new IllegalStateException("aidline.notifications.push.mode=live needs an SMS gateway: aidline.notifications.sms.base-url and api-key");
        }
        return new HttpSmsSender(http.clone().baseUrl(sms.baseUrl().toString()).build(), sms.apiKey(), sms.sender(), sms.timeout());
    }

    @SuppressWarnings("unchecked")
    private static FcmServiceAccount serviceAccount(NotificationProperties.Fcm fcm, WebClient http, Clock clock) {
        if (fcm.serviceAccountFile() == null) {
            return new FcmServiceAccount(fcm.clientEmail(), fcm.privateKey(), fcm.tokenUri().toString(), http, clock);
        }
        try {
            Map<String, Object> key = JsonMapper.builder().build().readValue(Files.readString(fcm.serviceAccountFile()), Map.class);
            return new FcmServiceAccount(String.valueOf(key.get("client_email")), String.valueOf(key.get("private_key")),
                    String.valueOf(key.getOrDefault("token_uri", fcm.tokenUri().toString())), http, clock);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the FCM service account file " + fcm.serviceAccountFile(), e);
        }
    }
}
