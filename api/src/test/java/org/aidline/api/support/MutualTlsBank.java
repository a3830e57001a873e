package org.aidline.api.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * A bank stand-in that, as banks do, talks only HTTPS and only to a client whose certificate the test CA
 * signed (src/test/resources/outbound-tls, throwaway material made by its generate.sh).
 */
public final class MutualTlsBank {

    private MutualTlsBank() {
    }

    public static WireMockConfiguration server(Extension... extensions) {
        return wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(testMaterial("test-bank-keystore.p12")).keystoreType("PKCS12")
                .keystorePassword("test-only").keyManagerPassword("test-only")
                .needClientAuth(true)
                .trustStorePath(testMaterial("test-bank-truststore.p12")).trustStoreType("PKCS12").trustStorePassword("test-only")
                .extensions(extensions);
    }

    /** The file of one piece of the test material. */
    public static String testMaterial(String name) {
        try {
            return Path.of(MutualTlsBank.class.getResource("/outbound-tls/" + name).toURI()).toString();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
