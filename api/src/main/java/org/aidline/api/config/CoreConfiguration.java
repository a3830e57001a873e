package org.aidline.api.config;

import java.time.Clock;
import java.util.Base64;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock, the personal-data keys and the request size limit. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PersonalDataProtector personalDataProtector(PersonalDataProperties properties) {
        Base64.Decoder base64 = Base64.getDecoder();
        return new PersonalDataProtector(base64.decode(properties.encryptionKey()), base64.decode(properties.hashKey()));
    }

    /** Bodies above the limit are refused with 413 before they are buffered whole. */
    @Bean
    CodecCustomizer requestSizeLimit(IntakeProperties properties) {
        return configurer -> configurer.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes());
    }
}
