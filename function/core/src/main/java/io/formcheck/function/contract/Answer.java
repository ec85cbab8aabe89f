package io.formcheck.function.contract;

import java.nio.charset.StandardCharsets;

/**
 * What a binding sends back for one HTTP-shaped call: a status, a JSON body and, for a 405, the
 * methods the function takes (the Allow header); null otherwise.
 */
public record Answer(int status, byte[] body, String allow) {
    public static final String CONTENT_TYPE = "application/json";

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
