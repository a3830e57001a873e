package org.aidline.api.edge;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Problems are told in the client's language (English or Chinese), read from Accept-Language; a
 * header the JDK cannot parse ({@code Accept-Language: -}) gets English rather than a failure,
 * which would otherwise also break the problem that reports it.
 */
@Component(org.springframework.web.server.adapter.WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
public class TolerantLocales implements LocaleContextResolver {

    private final AcceptHeaderLocaleContextResolver accepted = new AcceptHeaderLocaleContextResolver();

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        try {
            return accepted.resolveLocaleContext(exchange);
        } catch (RuntimeException unreadable) {
            // The JDK and Spring fail on such headers with IllegalArgumentException or IndexOutOfBoundsException.
            return new SimpleLocaleContext(Locale.ENGLISH);
        }
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("The locale follows the Accept-Language header");
    }
}
