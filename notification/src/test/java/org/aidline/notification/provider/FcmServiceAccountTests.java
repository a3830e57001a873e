package org.aidline.notification.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FcmServiceAccountTests {

    @Test
    void readsAServiceAccountKeyAsGoogleWritesIt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded());
        String pem = "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";

        assertThat(FcmServiceAccount.privateKey(pem).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        // As it arrives through an environment variable: newlines escaped.
        assertThat(FcmServiceAccount.privateKey(pem.replace("\n", "\\n")).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    }

    @Test
    void refusesWhatIsNotAKey() {
        assertThatThrownBy(() -> FcmServiceAccount.privateKey("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8");
    }
}
