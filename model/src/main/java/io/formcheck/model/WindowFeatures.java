package io.formcheck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Statistics of one window of raw readings, the input of the window forest: for each sensor (belt, arm,
 * dumbbell, forearm), for each part of the spec, each of the part's channels summarised by the part's
 * statistics. A spec reads like {@code rp=abs;yaw=rel;amag=abs}: channel group, then statistic set.
 *
 * <p>Channel groups: eul (roll, pitch, yaw), rp (roll, pitch), yaw, tilt (roll and pitch from the
 * accelerometer), amag, gmag, mmag (vector magnitudes: the same however a sensor is turned), acc, gyr, mag
 * (three axes each), tot (total_accel), adev and mdev (the angle between each reading's acceleration or
 * magnetic vector and the window's mean vector), gdir (the angle of the acceleration to each sensor axis).
 * Statistic sets: abs (mean, sd, min, max, range, skewness, kurtosis), rel (sd, range, skewness, kurtosis,
 * min - mean, max - mean: free of where the channel sits), shape (sd, range, skewness, kurtosis), lvl
 * (mean), mm (mean, sd, min, max). Angles in degrees are unwrapped within the window, so a heading crossing
 * ±180 does not look like a jump, and their mean, min and max are wrapped back by the mean's turn.
 * Standard deviation is the population one; kurtosis is excess kurtosis; both moments are 0 for a flat
 * channel.
 */
public final class WindowFeatures {
    private static final String[] SENSORS = {"belt", "arm", "dumbbell", "forearm"};
    /** Columns per sensor in {@link Features#NAMES}: roll, pitch, yaw, total, gyros xyz, accel xyz, magnet xyz. */
    private static final int PER_SENSOR = 13;

    private enum Stat {
        MEAN("mean"),
        SD("sd"),
        MIN("min"),
        MAX("max"),
        RANGE("range"),
        SKEWNESS("skewness"),
        KURTOSIS("kurtosis"),
        MIN_REL("min_rel"),
        MAX_REL("max_rel");

        final String label;

        Stat(String label) {
            this.label = label;
        }
    }

    private record Part(String group, String statSet, String[] channels, Stat[] stats) {}

    private final String spec;
    private final List<Part> parts = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private WindowFeatures(String spec) {
        this.spec = spec;
        for (String part : spec.split(";")) {
            String[] kv = part.split("=", -1);
            if (kv.length != 2) {
                throw new IllegalArgumentException(
                        "window features '" + spec + "': '" + part + "' is not group=statistics");
            }
            parts.add(new Part(kv[0], kv[1], channels(kv[0]), stats(kv[1])));
        }
        for (String sensor : SENSORS) {
            for (Part p : parts) {
                for (String channel : p.channels) {
                    for (Stat stat : p.stats) {
                        names.add(stat.label + "_" + channel + "_" + sensor);
                    }
                }
            }
        }
    }

    /** The features a spec names; refuses an unknown group or statistic set, naming it. */
    public static WindowFeatures parse(String spec) {
        return new WindowFeatures(spec);
    }

    public String spec() {
        return spec;
    }

    /** One name per feature, in the order {@link #of} writes them. */
    public List<String> names() {
        return List.copyOf(names);
    }

    public int size() {
        return names.size();
    }

    /** readings: steps x 52 raw values in {@link Features#NAMES} order, at least one step. */
    public float[] of(float[][] readings) {
        float[] out = new float[names.size()];
        double[] values = new double[readings.length];
        int k = 0;
        for (int s = 0; s < SENSORS.length; s++) {
            for (Part p : parts) {
                for (String channel : p.channels) {
                    channel(readings, s * PER_SENSOR, channel, values);
                    Moments m = Moments.of(values);
                    double turn = isAngle(channel) ? wrap(m.mean) - m.mean : 0;
                    for (Stat stat : p.stats) {
                        out[k++] = (float)
                                switch (stat) {
                                    case MEAN -> m.mean + turn;
                                    case SD -> m.sd;
                                    case MIN -> m.min + turn;
                                    case MAX -> m.max + turn;
                                    case RANGE -> m.max - m.min;
                                    case SKEWNESS -> m.skewness;
                                    case KURTOSIS -> m.kurtosis;
                                    case MIN_REL -> m.min - m.mean;
                                    case MAX_REL -> m.max - m.mean;
                                };
                    }
                }
            }
        }
        return out;
    }

    /** Mean, population sd, min, max, skewness and excess kurtosis of a channel (moments 0 when flat). */
    record Moments(double mean, double sd, double min, double max, double skewness, double kurtosis) {
        static Moments of(double[] v) {
            int n = v.length;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double a : v) {
                sum += a;
                min = Math.min(min, a);
                max = Math.max(max, a);
            }
            double mean = sum / n;
            double m2 = 0;
            double m3 = 0;
            double m4 = 0;
            for (double a : v) {
                double d = a - mean;
                double d2 = d * d;
                m2 += d2;
                m3 += d2 * d;
                m4 += d2 * d2;
            }
            m2 /= n;
            m3 /= n;
            m4 /= n;
            boolean flat = m2 <= 1e-12;
            return new Moments(
                    mean, Math.sqrt(m2), min, max, flat ? 0 : m3 / Math.pow(m2, 1.5), flat ? 0 : m4 / (m2 * m2) - 3);
        }
    }

    /** The channel's value at every reading, into out; o is the sensor's first column. */
    private static void channel(float[][] x, int o, String channel, double[] out) {
        if (channel.equals("adev") || channel.equals("mdev")) {
            deviation(x, o + (channel.equals("adev") ? 7 : 10), out);
            return;
        }
        for (int i = 0; i < x.length; i++) {
            float[] r = x[i];
            double ax = r[o + 7];
            double ay = r[o + 8];
            double az = r[o + 9];
            double norm = Math.sqrt(ax * ax + ay * ay + az * az);
            out[i] = switch (channel) {
                case "roll" -> r[o];
                case "pitch" -> r[o + 1];
                case "yaw" -> r[o + 2];
                case "tot" -> r[o + 3];
                case "gx" -> r[o + 4];
                case "gy" -> r[o + 5];
                case "gz" -> r[o + 6];
                case "ax" -> ax;
                case "ay" -> ay;
                case "az" -> az;
                case "mx" -> r[o + 10];
                case "my" -> r[o + 11];
                case "mz" -> r[o + 12];
                case "amag" -> norm;
                case "gmag" -> magnitude(r, o + 4);
                case "mmag" -> magnitude(r, o + 10);
                case "gax" -> degreesAcos(ax / Math.max(1e-9, norm));
                case "gay" -> degreesAcos(ay / Math.max(1e-9, norm));
                case "gaz" -> degreesAcos(az / Math.max(1e-9, norm));
                case "troll" -> Math.toDegrees(Math.atan2(ay, az));
                case "tpitch" -> Math.toDegrees(Math.atan2(-ax, Math.sqrt(ay * ay + az * az)));
                default -> throw new IllegalStateException(channel);
            };
        }
        if (isAngle(channel)) {
            unwrap(out);
        }
    }

    /** The angle, in degrees, between each reading's vector (columns b, b+1, b+2) and the window's mean one. */
    private static void deviation(float[][] x, int b, double[] out) {
        double mx = 0;
        double my = 0;
        double mz = 0;
        for (float[] r : x) {
            mx += r[b];
            my += r[b + 1];
            mz += r[b + 2];
        }
        double meanNorm = Math.sqrt(mx * mx + my * my + mz * mz);
        for (int i = 0; i < x.length; i++) {
            float[] r = x[i];
            double cos = (mx * r[b] + my * r[b + 1] + mz * r[b + 2]) / Math.max(1e-9, meanNorm * magnitude(r, b));
            out[i] = degreesAcos(cos);
        }
    }

    private static double magnitude(float[] r, int b) {
        return Math.sqrt((double) r[b] * r[b] + (double) r[b + 1] * r[b + 1] + (double) r[b + 2] * r[b + 2]);
    }

    private static double degreesAcos(double cos) {
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    private static boolean isAngle(String channel) {
        return switch (channel) {
            case "roll", "pitch", "yaw", "troll", "tpitch" -> true;
            default -> false;
        };
    }

    /** Removes the 360-degree jumps between successive readings. */
    private static void unwrap(double[] v) {
        for (int i = 1; i < v.length; i++) {
            double d = v[i] - v[i - 1];
            while (d > 180) {
                d -= 360;
            }
            while (d < -180) {
                d += 360;
            }
            v[i] = v[i - 1] + d;
        }
    }

    private static double wrap(double degrees) {
        double a = degrees;
        while (a > 180) {
            a -= 360;
        }
        while (a <= -180) {
            a += 360;
        }
        return a;
    }

    private static String[] channels(String group) {
        return switch (group) {
            case "eul" -> new String[] {"roll", "pitch", "yaw"};
            case "rp" -> new String[] {"roll", "pitch"};
            case "yaw" -> new String[] {"yaw"};
            case "tilt" -> new String[] {"troll", "tpitch"};
            case "amag" -> new String[] {"amag"};
            case "gmag" -> new String[] {"gmag"};
            case "mmag" -> new String[] {"mmag"};
            case "acc" -> new String[] {"ax", "ay", "az"};
            case "gyr" -> new String[] {"gx", "gy", "gz"};
            case "mag" -> new String[] {"mx", "my", "mz"};
            case "tot" -> new String[] {"tot"};
            case "adev" -> new String[] {"adev"};
            case "mdev" -> new String[] {"mdev"};
            case "gdir" -> new String[] {"gax", "gay", "gaz"};
            default ->
                throw new IllegalArgumentException("unknown channel group '" + group
                        + "' (eul, rp, yaw, tilt, amag, gmag, mmag, acc, gyr, mag, tot, adev, mdev, gdir)");
        };
    }

    private static Stat[] stats(String set) {
        return switch (set.toLowerCase(Locale.ROOT)) {
            case "abs" -> new Stat[] {Stat.MEAN, Stat.SD, Stat.MIN, Stat.MAX, Stat.RANGE, Stat.SKEWNESS, Stat.KURTOSIS};
            case "rel" -> new Stat[] {Stat.SD, Stat.RANGE, Stat.SKEWNESS, Stat.KURTOSIS, Stat.MIN_REL, Stat.MAX_REL};
            case "shape" -> new Stat[] {Stat.SD, Stat.RANGE, Stat.SKEWNESS, Stat.KURTOSIS};
            case "lvl" -> new Stat[] {Stat.MEAN};
            case "mm" -> new Stat[] {Stat.MEAN, Stat.SD, Stat.MIN, Stat.MAX};
            default ->
                throw new IllegalArgumentException("unknown statistic set '" + set + "' (abs, rel, shape, lvl, mm)");
        };
    }
}
