package io.formcheck.function.contract;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;
import java.util.Map;

/**
 * Says in plain words what part of a request has the wrong shape ("samples must be a list of objects,
 * one per reading"), from where in the JSON the binding failed, instead of Jackson's Java types.
 */
final class Shapes {
    /** What each part of a request must be, by the name of the key that holds it. */
    private static final Map<String, String> WHAT = Map.of(
            "samples", "a list of objects, one per reading",
            "repetitions", "a list of objects, one per repetition, each {\"samples\": [...]}");

    /** What an element of a list must be, by the name of the list. */
    private static final Map<String, String> ELEMENT = Map.of(
            "samples", "an object of feature values, e.g. {\"roll_belt\": 1.53, ...}",
            "repetitions", "an object {\"samples\": [...]}");

    private Shapes() {}

    static String describe(List<Reference> path, String shape) {
        if (path.isEmpty()) {
            return "the request must be " + shape;
        }
        StringBuilder where = new StringBuilder();
        String list = null;
        String what = null;
        for (Reference ref : path) {
            if (ref.getFieldName() != null) {
                where.append(where.length() == 0 ? "" : ".").append(ref.getFieldName());
                list = ref.getFieldName();
                what = WHAT.get(list);
            } else {
                where.append('[').append(ref.getIndex()).append(']');
                what = ELEMENT.get(list);
            }
        }
        return where + " must be " + (what != null ? what : "of another type") + "; expected " + shape;
    }
}
