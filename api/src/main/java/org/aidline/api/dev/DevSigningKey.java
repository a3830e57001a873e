package org.aidline.api.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The development issuer's RSA key, kept in the database so that every instance on it signs and
 * verifies with the same key. The first instance to need it creates it; the others read it.
 */
public class DevSigningKey {

    private static final String KEY_ID = "aidline-dev";

    private final Mono<RSAKey> key;

    public DevSigningKey(DatabaseClient database) {
        this.key = Mono.fromCallable(DevSigningKey::generate)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(candidate -> database.sql("insert into dev_signing_key (id, jwk) values (:id, :jwk) on conflict (id) do nothing")
                        .bind("id", KEY_ID)
                        .bind("jwk", candidate.toJSONString())
                        .then())
                .then(database.sql("select jwk from dev_signing_key where id = :id")
                        .bind("id", KEY_ID)
                        .map(row -> row.get("jwk", String.class))
                        .one())
                .map(DevSigningKey::parse)
                // Keep the key once read; a failure (database not up yet) is retried on next use.
                .cacheInvalidateIf(loaded -> false);
    }

    public Mono<RSAKey> key() {
        return key;
    }

    public Mono<JWKSet> publicKeys() {
        return key.map(rsa -> new JWKSet(rsa.toPublicJWK()));
    }

    private static RSAKey generate() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("The stored development key is not a JWK", e);
        }
    }
}
