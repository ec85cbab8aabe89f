package io.formcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowFeaturesTest {
    private static final int ROLL_BELT = Features.NAMES.indexOf("roll_belt");
    private static final int YAW_ARM = Features.NAMES.indexOf("yaw_arm");
    private static final int ACCEL_DUMBBELL_X = Features.NAMES.indexOf("accel_dumbbell_x");

    /** A window whose column col takes the given values, every other column 0. */
    private static float[][] window(int col, float... values) {
        float[][] x = new float[values.length][Features.COUNT];
        for (int t = 0; t < values.length; t++) {
            x[t][col] = values[t];
        }
        return x;
    }

    private static float feature(WindowFeatures f, float[][] x, String name) {
        int i = f.names().indexOf(name);
        assertTrue(i >= 0, name + " in " + f.names());
        return f.of(x)[i];
    }

    @Test
    void momentsMatchHandComputedValues() {
        WindowFeatures f = WindowFeatures.parse("rp=abs");
        float[][] even = window(ROLL_BELT, 1, 2, 3, 4);
        assertEquals(2.5f, feature(f, even, "mean_roll_belt"), 1e-6);
        assertEquals((float) Math.sqrt(1.25), feature(f, even, "sd_roll_belt"), 1e-6);
        assertEquals(3f, feature(f, even, "range_roll_belt"), 1e-6);
        assertEquals(0f, feature(f, even, "skewness_roll_belt"), 1e-6);
        // m4 / m2^2 - 3 = 2.5625 / 1.5625 - 3
        assertEquals(-1.36f, feature(f, even, "kurtosis_roll_belt"), 1e-5);

        float[][] skewed = window(ROLL_BELT, 0, 0, 0, 4);
        // deviations -1, -1, -1, 3: m2 = 3, m3 = 6, m4 = 21
        assertEquals((float) (6 / Math.pow(3, 1.5)), feature(f, skewed, "skewness_roll_belt"), 1e-6);
        assertEquals((float) (21.0 / 9 - 3), feature(f, skewed, "kurtosis_roll_belt"), 1e-6);
        assertEquals(0f, feature(f, skewed, "min_roll_belt"), 1e-6);
        assertEquals(4f, feature(f, skewed, "max_roll_belt"), 1e-6);
    }

    @Test
    void aFlatChannelHasNoSpreadAndNoShape() {
        WindowFeatures f = WindowFeatures.parse("rp=abs");
        float[][] flat = window(ROLL_BELT, 7, 7, 7);
        assertEquals(0f, feature(f, flat, "sd_roll_belt"));
        assertEquals(0f, feature(f, flat, "skewness_roll_belt"));
        assertEquals(0f, feature(f, flat, "kurtosis_roll_belt"));
    }

    @Test
    void aHeadingCrossingTheWrapIsAStepOfTwoDegreesNotOf358() {
        WindowFeatures f = WindowFeatures.parse("yaw=rel;yaw=lvl");
        float[][] x = window(YAW_ARM, 179, -179, 179, -179);
        assertEquals(2f, feature(f, x, "range_yaw_arm"), 1e-4);
        assertEquals(1f, feature(f, x, "sd_yaw_arm"), 1e-4);
        assertEquals(180f, feature(f, x, "mean_yaw_arm"), 1e-4);
    }

    @Test
    void magnitudesDoNotDependOnHowTheSensorIsTurned() {
        WindowFeatures f = WindowFeatures.parse("amag=mm");
        float[][] x = window(ACCEL_DUMBBELL_X, 0, 0);
        x[0][ACCEL_DUMBBELL_X] = 3;
        x[0][ACCEL_DUMBBELL_X + 1] = 4;
        x[1][ACCEL_DUMBBELL_X + 2] = 5;
        assertEquals(5f, feature(f, x, "mean_amag_dumbbell"), 1e-6);
        assertEquals(0f, feature(f, x, "sd_amag_dumbbell"), 1e-6);
    }

    @Test
    void namesFollowSensorThenPartThenChannelThenStatistic() {
        WindowFeatures f = WindowFeatures.parse("rp=abs;tot=lvl");
        assertEquals(4 * (2 * 7 + 1), f.size());
        List<String> names = f.names();
        assertEquals("mean_roll_belt", names.get(0));
        assertEquals("mean_pitch_belt", names.get(7));
        assertEquals("mean_tot_belt", names.get(14));
        assertEquals("mean_roll_arm", names.get(15));
        assertEquals(f.size(), f.of(window(ROLL_BELT, 1, 2)).length);
    }

    @Test
    void anUnknownPartIsRefusedByName() {
        IllegalArgumentException group =
                assertThrows(IllegalArgumentException.class, () -> WindowFeatures.parse("rp=abs;wobble=abs"));
        assertTrue(group.getMessage().contains("unknown channel group 'wobble'"), group.getMessage());
        IllegalArgumentException stats =
                assertThrows(IllegalArgumentException.class, () -> WindowFeatures.parse("rp=median"));
        assertTrue(stats.getMessage().contains("unknown statistic set 'median'"), stats.getMessage());
        IllegalArgumentException form = assertThrows(IllegalArgumentException.class, () -> WindowFeatures.parse("rp"));
        assertTrue(form.getMessage().contains("is not group=statistics"), form.getMessage());
    }
}
