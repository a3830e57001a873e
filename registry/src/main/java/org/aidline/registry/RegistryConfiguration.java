package org.aidline.registry;

import org.springframework.context.annotation.Configuration;

/** Wires the registry's features; each adds its beans here (or a configuration it imports). */
@Configuration(proxyBeanMethods = false)
public class RegistryConfiguration {
}
