package org.ordo.platform.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read exactly as written: a number where a whole number belongs must be whole (1.5 units is not 1), a whole
 * number is a JSON number (not a string, whose digits may be any script's), a choice is named (0 is not the first of a
 * list that may be reordered), a key given twice is an error rather than the
 * last one winning, no text holds control characters, and no document is read past the request size limit whatever its
 * transfer.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonFactoryBuilderCustomizer strictJsonReading(@Value("${ordo.api.max-request-bytes:4194304}") long maxBytes) {
        return factory -> factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxBytes)
                        .build());
    }

    @Bean
    JsonMapperBuilderCustomizer noSilentNumberCoercion() {
        return mapper -> mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .addModule(new SimpleModule("plain-text").addDeserializer(String.class, new PlainText()))
                .withCoercionConfig(
                        LogicalType.Integer,
                        coercion -> coercion.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }
}
