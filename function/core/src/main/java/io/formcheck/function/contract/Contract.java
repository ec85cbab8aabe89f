package io.formcheck.function.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import formcheck.BadInput;
import formcheck.InternalFailure;
import formcheck.Refusal;
import formcheck.TooLarge;
import formcheck.UnknownFunction;
import formcheck.WrongMethod;
import io.formcheck.function.ClassificationService;
import io.formcheck.function.ErrorAnswer;
import io.formcheck.model.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The HTTP contract of the functions, one for both bindings: routing by {@link Routes}, the body limit,
 * reading the JSON body in plain words, and the one mapping from a failure to a status and
 * {"error": ...}: 400 bad input, 404 unknown function, 405 wrong method, 413 body over the limit,
 * 500 "internal error" (logged with its stack trace, never sent).
 */
@Singleton
public class Contract {
    private static final Logger LOG = Logger.getLogger(Contract.class);
    /** Jackson repeats where an unclosed array or object began, in its own words; the line and column say it. */
    private static final Pattern NESTED_LOCATION = Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)");

    private final ClassificationService service;
    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final long maxBodyBytes;

    @Inject
    public Contract(
            ClassificationService service,
            ObjectMapper mapper,
            @ConfigProperty(name = "formcheck.request.max-body-bytes") long maxBodyBytes) {
        this.service = service;
        this.mapper = mapper;
        // Keys a function does not read are ignored; anything after the JSON object is refused.
        this.reader = mapper.reader()
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxBodyBytes = maxBodyBytes;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * An HTTP request, or a Lambda HTTP event: method, path ({@code /<function>}) and body. Returns
     * the answer, a refusal included.
     */
    public Answer call(String method, String path, byte[] body) {
        try {
            Route route = admit(method, path, body);
            JsonNode request = route.request() == null ? null : parse(body);
            return new Answer(200, json(dispatch(route, request)), null);
        } catch (RuntimeException e) {
            return answer(e);
        }
    }

    /**
     * The checks that come before a function's body is read, for a binding that reads the body itself
     * (Funqy): the path names a function that takes the method, and the body is within the limit and
     * present where the function takes one. Returns the function; throws the {@link Refusal}.
     */
    public Route admit(String method, String path, byte[] body) {
        Route route = route(path);
        if (!route.methods().contains(method)) {
            throw new WrongMethod(
                    route.name() + " takes " + String.join(" or ", route.methods()) + ", not " + method,
                    String.join(", ", route.methods()));
        }
        checkSize(body.length);
        if (route.request() != null) {
            requireBody(body);
        }
        return route;
    }

    /**
     * Reads a Lambda event as a JSON object (to tell a direct invocation from an HTTP event), refusing
     * malformed JSON or anything but an object. AWS caps an event at 6 MB, so it is read whole.
     */
    public JsonNode event(byte[] event) {
        try {
            return parse(event);
        } catch (RuntimeException e) {
            throw refusal(e);
        }
    }

    /**
     * A direct Lambda invocation of {@code size} bytes: the event is the request; {"function": name}
     * picks the function, else the first whose key the event has, else classify. Returns the answer;
     * throws {@link #refusal}.
     */
    public Object direct(JsonNode request, long size) {
        try {
            checkSize(size);
            Route route = request.hasNonNull("function")
                    ? route("/" + request.get("function").asText())
                    : Routes.forDirectEvent(request::fieldNames);
            return dispatch(route, request);
        } catch (RuntimeException e) {
            throw refusal(e);
        }
    }

    /**
     * The one mapping: what the caller is told of a failure. A refusal passes as it is, the model's bad
     * input becomes {@link BadInput} with its message (no stack trace); anything else is logged with its
     * stack trace and becomes "internal error".
     */
    public Refusal refusal(Throwable failure) {
        if (failure instanceof Refusal refusal) {
            return refusal;
        }
        if (failure instanceof InvalidInputException) {
            return new BadInput(failure.getMessage());
        }
        LOG.error("a call failed", failure);
        return new InternalFailure();
    }

    /** The HTTP answer to a failure: its status and {"error": ...}. */
    public Answer answer(Throwable failure) {
        Refusal refusal = refusal(failure);
        String allow = refusal instanceof WrongMethod w ? w.allow() : null;
        return new Answer(refusal.status(), json(new ErrorAnswer(refusal.getMessage())), allow);
    }

    private Object dispatch(Route route, JsonNode request) {
        Object input = route.request() == null ? null : bind(request, route);
        return route.call().apply(service, input);
    }

    private static Route route(String path) {
        return Routes.ALL.stream()
                .filter(r -> path.equals("/" + r.name()))
                .findFirst()
                .orElseThrow(() ->
                        new UnknownFunction("no function at " + path + "; the functions are " + Routes.listing()));
    }

    private void checkSize(long bytes) {
        if (bytes > maxBodyBytes) {
            throw new TooLarge(maxBodyBytes);
        }
    }

    private static void requireBody(byte[] body) {
        if (isBlank(body)) {
            throw new BadInput("missing request body");
        }
    }

    private JsonNode parse(byte[] body) {
        requireBody(body);
        JsonNode node;
        try {
            node = reader.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new BadInput("malformed JSON" + where + ": "
                    + NESTED_LOCATION.matcher(e.getOriginalMessage()).replaceAll(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new BadInput("the request must be a JSON object");
        }
        return node;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private Object bind(JsonNode request, Route route) {
        try {
            return reader.treeToValue(request, route.request());
        } catch (MismatchedInputException e) {
            throw new BadInput(Shapes.describe(e.getPath(), route.shape()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot bind " + route.request().getSimpleName(), e);
        }
    }

    private byte[] json(Object answer) {
        try {
            return mapper.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
