package org.aidline.api.edge;

import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Problems (and reasons of decisions) are told in the client's language, read from Accept-Language:
 * Chinese (zh-CN) unless the client asks for English, for every caller: the service's users read
 * Chinese, and an app or a browser that sends nothing, or a language the service does not have, is
 * answered in it. A header the JDK cannot parse ({@code Accept-Language: -}) gets the same default
 * rather than a failure, which would otherwise also break the problem that reports it.
 */
@Component(org.springframework.web.server.adapter.WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
public class TolerantLocales implements LocaleContextResolver {

    /** The language of a client that asks for none the service has. */
    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    private final AcceptHeaderLocaleContextResolver accepted = new AcceptHeaderLocaleContextResolver();

    public TolerantLocales() {
        accepted.setDefaultLocale(DEFAULT);
        // Matched by language too: en-US, en-GB are English; zh, zh-TW, zh-Hans are the Chinese the service has.
        accepted.setSupportedLocales(List.of(DEFAULT, Locale.ENGLISH));
    }

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        try {
            return accepted.resolveLocaleContext(exchange);
        } catch (RuntimeException unreadable) {
            // The JDK and Spring fail on such headers with IllegalArgumentException or IndexOutOfBoundsException.
            return new SimpleLocaleContext(DEFAULT);
        }
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("The locale follows the Accept-Language header");
    }
}
