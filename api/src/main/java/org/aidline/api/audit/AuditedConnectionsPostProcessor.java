package org.aidline.api.audit;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** Every statement of the application goes through {@link AuditedConnections}. */
@Component
class AuditedConnectionsPostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof ConnectionFactory connections && !(bean instanceof AuditedConnections)
                ? new AuditedConnections(connections)
                : bean;
    }
}
