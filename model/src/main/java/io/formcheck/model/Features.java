package io.formcheck.model;

import java.util.ArrayList;
import java.util.List;

/** The 52 raw WLE sensor features, in the order the model reads them. */
public final class Features {
    private static final String[] SENSORS = {"belt", "arm", "dumbbell", "forearm"};

    /** Per sensor: orientation, total acceleration, then the three 3-axis readings (WLE column order). */
    public static final List<String> NAMES = List.copyOf(names());

    public static final int COUNT = NAMES.size();

    private Features() {}

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String s : SENSORS) {
            names.add("roll_" + s);
            names.add("pitch_" + s);
            names.add("yaw_" + s);
            names.add("total_accel_" + s);
            for (String reading : new String[] {"gyros", "accel", "magnet"}) {
                for (String axis : new String[] {"x", "y", "z"}) {
                    names.add(reading + "_" + s + "_" + axis);
                }
            }
        }
        return names;
    }
}
