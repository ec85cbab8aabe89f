package io.formcheck.function.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Funqy reads request bodies with a copy of the application's ObjectMapper. The contract refuses
 * anything after the JSON object ({@code {} {}}), so Funqy must not bind the first object and ignore
 * the rest.
 */
@Singleton
public class FunqyJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
