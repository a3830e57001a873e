package org.aidline.api.monitoring.web;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Decoder;
import org.springframework.http.MediaType;
import org.springframework.http.codec.DecoderHttpMessageReader;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;

/** Finds the service's configured decoders, so uploads keep the same limits and settings as every request. */
final class Codecs {

    private Codecs() {
    }

    static Decoder<?> decoder(ServerCodecConfigurer codecs, ResolvableType type, MediaType mediaType) {
        for (HttpMessageReader<?> reader : codecs.getReaders()) {
            if (reader instanceof DecoderHttpMessageReader<?> decoding && decoding.getDecoder().canDecode(type, mediaType)) {
                return decoding.getDecoder();
            }
        }
        throw new IllegalStateException("No decoder for " + type + " as " + mediaType);
    }
}
