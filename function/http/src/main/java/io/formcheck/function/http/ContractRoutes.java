package io.formcheck.function.http;

import formcheck.TooLarge;
import io.formcheck.function.contract.Answer;
import io.formcheck.function.contract.Contract;
import io.formcheck.function.contract.Route;
import io.formcheck.function.contract.Routes;
import io.quarkus.funqy.runtime.ApplicationException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Holds Funqy's routes to the contract in function/core, so HTTP answers exactly as Lambda does. Funqy
 * binds the body and calls the function; what it would decide its own way, the contract decides:
 * <ul>
 *   <li>before Funqy, on each function's path: the contract's checks that come before the body is
 *       read (a 405 with Allow for a method the function does not take, a missing body);
 *   <li>a body Funqy cannot bind (Funqy fails with a bare 400) is read again by the contract, which
 *       says what is wrong in the same words as on Lambda;
 *   <li>what a function throws, and the body handler's 413, go through the contract's one mapping;
 *   <li>after every other route (static files such as / and /openapi.yaml): a 404 in the contract's words.
 * </ul>
 */
public class ContractRoutes {
    @Inject
    Contract contract;

    void install(@Observes Router router) {
        for (Route route : Routes.ALL) {
            // After the body handler, before Funqy's routes.
            router.route("/" + route.name())
                    .order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1)
                    .handler(this::admit);
        }
        router.route().order(Integer.MAX_VALUE).handler(this::unknown);
        router.route().failureHandler(this::failed);
    }

    private void admit(RoutingContext ctx) {
        try {
            contract.admit(method(ctx), path(ctx), body(ctx));
        } catch (RuntimeException refused) {
            send(ctx, contract.answer(refused));
            return;
        }
        ctx.next();
    }

    /** A path no route served: no function there (Funqy serves every function's path). */
    private void unknown(RoutingContext ctx) {
        try {
            contract.admit(method(ctx), path(ctx), body(ctx));
            send(ctx, contract.answer(new IllegalStateException("Funqy did not serve " + path(ctx))));
        } catch (RuntimeException refused) {
            send(ctx, contract.answer(refused));
        }
    }

    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApplicationException thrown && thrown.getCause() != null) {
            // Funqy wraps what a function throws.
            send(ctx, contract.answer(thrown.getCause()));
        } else if (failure != null) {
            send(ctx, contract.answer(failure));
        } else if (ctx.statusCode() == 400) {
            send(ctx, contract.call(method(ctx), path(ctx), body(ctx)));
        } else if (ctx.statusCode() == 413) {
            send(ctx, contract.answer(new TooLarge(contract.maxBodyBytes())));
        } else {
            send(ctx, contract.answer(new IllegalStateException("request failed with status " + ctx.statusCode())));
        }
    }

    private static String method(RoutingContext ctx) {
        return ctx.request().method().name();
    }

    private static String path(RoutingContext ctx) {
        return ctx.request().path();
    }

    private static byte[] body(RoutingContext ctx) {
        return ctx.body() == null || ctx.body().buffer() == null
                ? new byte[0]
                : ctx.body().buffer().getBytes();
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
