package org.aidline.registry;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the registry's features; each adds its beans here (or a configuration it imports). */
@Configuration(proxyBeanMethods = false)
@Import({RegistryImportConfiguration.class, RegistryEventsConfiguration.class, PayoutsConfiguration.class, RegistryMetricsConfiguration.class})
public class RegistryConfiguration {
}
