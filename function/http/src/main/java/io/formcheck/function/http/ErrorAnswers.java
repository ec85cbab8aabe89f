package io.formcheck.function.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.formcheck.function.BadRequestException;
import io.formcheck.function.BatchRequest;
import io.formcheck.function.ClassifyRequest;
import io.formcheck.function.ErrorAnswer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Turns every failure into {"error": "..."}: 400 for what the caller can fix, never a stack trace.
 * Funqy itself only fails the request (400 for an unparsable body, the exception otherwise).
 */
public class ErrorAnswers {
    private static final Logger LOG = Logger.getLogger(ErrorAnswers.class);

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route().failureHandler(this::answer);
        router.route().order(Integer.MAX_VALUE).handler(ctx -> ctx.fail(404));
    }

    private void answer(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        BadRequestException badRequest = badRequest(failure);
        int status = 400;
        String message;
        if (badRequest != null) {
            message = badRequest.getMessage();
        } else if (failure != null) {
            LOG.error("classification failed", failure);
            status = 500;
            message = "internal error";
        } else {
            switch (ctx.statusCode()) {
                case 400 -> message = unparsable(ctx);
                case 404 -> {
                    status = 404;
                    message = "no function at " + ctx.request().path() + " (POST /classify, /classifyBatch or /model)";
                }
                case 405 -> {
                    status = 405;
                    message = "use POST";
                }
                case 413 -> message = "the request body is larger than the limit (quarkus.http.limits.max-body-size)";
                default -> {
                    status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
                    message = "request failed";
                }
            }
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(json(new ErrorAnswer(message)));
    }

    /** Funqy wraps what a function throws; the caller's mistake may be a few causes down. */
    private static BadRequestException badRequest(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BadRequestException e) {
                return e;
            }
        }
        return null;
    }

    /** Funqy does not say why a body did not parse; parsing it again does. */
    private String unparsable(RoutingContext ctx) {
        String body = ctx.body() == null ? null : ctx.body().asString();
        if (body == null || body.isBlank()) {
            return "missing request body";
        }
        try {
            mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return "malformed JSON: " + e.getOriginalMessage();
        }
        Class<?> expected = ctx.request().path().endsWith("classifyBatch") ? BatchRequest.class : ClassifyRequest.class;
        try {
            mapper.readValue(body, expected);
            return "the request body does not have the expected shape";
        } catch (JsonProcessingException e) {
            return "the request body does not have the expected shape: " + e.getOriginalMessage();
        }
    }

    private String json(ErrorAnswer answer) {
        try {
            return mapper.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            return "{\"error\":\"internal error\"}";
        }
    }
}
