package io.formcheck.function.http;

import io.formcheck.function.contract.Answer;
import io.formcheck.function.contract.Contract;
import io.formcheck.function.contract.Refusal;
import io.formcheck.function.contract.Route;
import io.formcheck.function.contract.Routes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Serves the contract over HTTP: one route per function ({@code /<name>}), every other path a 404 in
 * the same words as on Lambda. Static files (META-INF/resources, e.g. /openapi.yaml) are served first.
 */
public class HttpBinding {
    @Inject
    Contract contract;

    void install(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(contract.maxBodyBytes());
        for (Route route : Routes.ALL) {
            router.route("/" + route.name()).handler(body).handler(this::call);
        }
        router.route().order(Integer.MAX_VALUE).handler(this::call);
        router.route().failureHandler(this::failed);
    }

    private void call(RoutingContext ctx) {
        byte[] bytes = ctx.body() == null || ctx.body().buffer() == null
                ? new byte[0]
                : ctx.body().buffer().getBytes();
        send(ctx, contract.call(ctx.request().method().name(), ctx.request().path(), bytes));
    }

    /** The body handler refuses an oversized body with 413 before any route runs. */
    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure == null && ctx.statusCode() == 413) {
            failure = new Refusal.TooLarge(contract.maxBodyBytes());
        } else if (failure == null) {
            failure = new IllegalStateException("request failed with status " + ctx.statusCode());
        }
        send(ctx, contract.answer(failure));
    }

    private static void send(RoutingContext ctx, Answer answer) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(answer.status()).putHeader(HttpHeaders.CONTENT_TYPE, Answer.CONTENT_TYPE);
        if (answer.allow() != null) {
            ctx.response().putHeader(HttpHeaders.ALLOW, answer.allow());
        }
        ctx.response().end(Buffer.buffer(answer.body()));
    }
}
