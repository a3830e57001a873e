package org.aidline.intake;

import org.aidline.intake.audit.AuditTrail;
import org.aidline.intake.audit.persistence.R2dbcAuditTrail;
import org.aidline.intake.background.DispatchLoop;
import org.aidline.intake.background.LoopLifecycle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Wires the audit trail and the sealing of its chain (every instance tries; one seals at a time). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(DatabaseClient database, AuditProperties properties) {
        return new R2dbcAuditTrail(database, properties.key());
    }

    @Bean
    SmartLifecycle auditSealing(AuditTrail trail, AuditProperties properties) {
        int batch = properties.sealBatch();
        return new LoopLifecycle(properties.sealing()
                ? new DispatchLoop("Sealing the audit trail",
                        () -> trail.seal(batch).expand(sealed -> sealed == batch ? trail.seal(batch) : Mono.empty()).reduce(0, Integer::sum),
                        Flux.never(), properties.sealPeriod())
                : null);
    }
}
