package org.aidline.api;

import org.aidline.intake.IntakeConfiguration;
import org.aidline.notification.NotificationConfiguration;
import org.aidline.registry.RegistryConfiguration;
import org.aidline.supervision.SupervisionConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The Aidline service: intake of hardship reports over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({IntakeConfiguration.class, NotificationConfiguration.class, RegistryConfiguration.class, SupervisionConfiguration.class})
public class AidlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(AidlineApplication.class, args);
    }
}
