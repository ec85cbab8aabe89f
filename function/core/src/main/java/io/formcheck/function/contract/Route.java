package io.formcheck.function.contract;

import io.formcheck.function.ClassificationService;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One function of the API. {@code name} is its path ({@code POST /<name>}) and its name in a direct
 * invocation; {@code request} the record its JSON body binds to (null: it takes no body);
 * {@code directKey} a top-level key that marks a direct invocation as this function's without a
 * {@code "function"} key (null: only by name); {@code shape} the body it expects, for error messages.
 */
public record Route(
        String name,
        List<String> methods,
        Class<?> request,
        String directKey,
        String shape,
        BiFunction<ClassificationService, Object, Object> call) {

    /** A function that takes a JSON body, by POST. */
    public static <T> Route post(
            String name,
            Class<T> request,
            String directKey,
            String shape,
            BiFunction<ClassificationService, T, ?> call) {
        return new Route(
                name, List.of("POST"), request, directKey, shape, (service, r) -> call.apply(service, request.cast(r)));
    }

    /** A function without input, by GET or POST. */
    public static Route read(String name, Function<ClassificationService, ?> call) {
        return new Route(name, List.of("GET", "POST"), null, null, null, (service, r) -> call.apply(service));
    }

    /** "POST /classify" or "GET|POST /model". */
    public String usage() {
        return String.join("|", methods) + " /" + name;
    }
}
