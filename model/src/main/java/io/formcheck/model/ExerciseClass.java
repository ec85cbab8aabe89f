package io.formcheck.model;

import java.util.Arrays;
import java.util.List;

/** The five manners of a biceps curl in the WLE data ({@code classe}). */
public enum ExerciseClass {
    A("Correct execution"),
    B("Throwing the elbows to the front"),
    C("Lifting the dumbbell only halfway"),
    D("Lowering the dumbbell only halfway"),
    E("Throwing the hips to the front");

    private final String description;

    ExerciseClass(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The class letters in order: the labels of every model trained on WLE. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
