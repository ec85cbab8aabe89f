package io.formcheck.trainer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How recordings are cut into repetitions: by the file's num_window (about one second, a third of a
 * curl), or by time into windows of a chosen length. Scored windows never overlap; training windows may
 * (a stride shorter than the length), which only adds examples.
 */
public sealed interface Windowing permits Windowing.ByNumWindow, Windowing.ByTime {
    /** Readings further apart than this are a gap (readings removed from the file): no window spans one. */
    long GAP_MICROS = 500_000;

    /** Non-overlapping windows: what is scored and split. */
    List<RepetitionWindow> scored(List<Recording> recordings);

    /** The windows to train on, in recording order; they may overlap each other. */
    List<RepetitionWindow> training(List<Recording> recordings);

    /** "num_window", or "2.5s" (with " every 0.5s" for a training stride). */
    String describe();

    /** The same cutting with training windows that do not overlap (the file's own windows never do). */
    default Windowing withoutOverlap() {
        return this instanceof ByTime t ? new ByTime(t.seconds(), t.seconds()) : this;
    }

    /** Seconds between the starts of training windows by time unless told otherwise (at most the length). */
    double DEFAULT_STRIDE = 0.5;

    /** "num_window" or a length in seconds such as "2.5s"; stride (seconds, may be null) only for time windows. */
    static Windowing parse(String window, String stride) {
        if (window.equals("num_window")) {
            if (stride != null) {
                throw new IllegalArgumentException("--stride applies to windows by time, not to num_window");
            }
            return new ByNumWindow();
        }
        double length = parseSeconds(window, "--window");
        return new ByTime(length, stride == null ? Math.min(DEFAULT_STRIDE, length) : parseSeconds(stride, "--stride"));
    }

    private static double parseSeconds(String text, String option) {
        Matcher m = Pattern.compile("([0-9]*\\.?[0-9]+)\\s*s?").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " takes seconds such as 2.5s"
                    + (option.equals("--window") ? " or num_window" : "") + ", not '" + text + "'");
        }
        return Double.parseDouble(m.group(1));
    }

    /** The file's own windows: the readings sharing (user_name, num_window). */
    record ByNumWindow() implements Windowing {
        @Override
        public List<RepetitionWindow> scored(List<Recording> recordings) {
            List<RepetitionWindow> out = new ArrayList<>();
            for (int r = 0; r < recordings.size(); r++) {
                Recording rec = recordings.get(r);
                int from = 0;
                for (int i = 1; i <= rec.length(); i++) {
                    if (i == rec.length() || !rec.numWindow()[i].equals(rec.numWindow()[from])) {
                        out.add(window(rec, r, from, i, rec.numWindow()[from]));
                        from = i;
                    }
                }
            }
            return out;
        }

        @Override
        public List<RepetitionWindow> training(List<Recording> recordings) {
            return scored(recordings);
        }

        @Override
        public String describe() {
            return "num_window";
        }
    }

    /**
     * Windows [start, start + seconds) by timestamp, one every stride seconds from the first reading of
     * each stretch without a gap; a window must end within its stretch, so each holds seconds of readings.
     */
    record ByTime(double seconds, double stride) implements Windowing {
        /** A window may end up to a reading's interval after the stretch's last reading. */
        private static final long END_TOLERANCE = 50_000;

        public ByTime {
            if (!(seconds > 0 && seconds <= 60)) {
                throw new IllegalArgumentException("a window lasts more than 0 and at most 60 seconds, not " + seconds);
            }
            if (!(stride > 0 && stride <= seconds)) {
                throw new IllegalArgumentException(
                        "the stride must be more than 0 and at most the window (" + seconds + "s), not " + stride);
            }
        }

        @Override
        public List<RepetitionWindow> scored(List<Recording> recordings) {
            return cut(recordings, seconds);
        }

        @Override
        public List<RepetitionWindow> training(List<Recording> recordings) {
            return cut(recordings, stride);
        }

        private List<RepetitionWindow> cut(List<Recording> recordings, double every) {
            long length = Math.round(seconds * 1e6);
            long step = Math.round(every * 1e6);
            List<RepetitionWindow> out = new ArrayList<>();
            for (int r = 0; r < recordings.size(); r++) {
                Recording rec = recordings.get(r);
                long[] t = rec.micros();
                int stretch = 0;
                for (int i = 1; i <= t.length; i++) {
                    if (i < t.length && t[i] - t[i - 1] <= GAP_MICROS) {
                        continue;
                    }
                    // readings [stretch, i) have no gap; the last one closes the stretch
                    int from = stretch;
                    for (long start = t[stretch]; start + length <= t[i - 1] + END_TOLERANCE; start += step) {
                        while (from < i && t[from] < start) {
                            from++;
                        }
                        int to = from;
                        while (to < i && t[to] < start + length) {
                            to++;
                        }
                        if (to - from >= 2) {
                            out.add(window(rec, r, from, to, formatSeconds(start - t[0])));
                        }
                    }
                    stretch = i;
                }
            }
            return out;
        }

        @Override
        public String describe() {
            String length = formatSeconds(Math.round(seconds * 1e6));
            return stride == seconds ? length : length + " every " + formatSeconds(Math.round(stride * 1e6));
        }

        private static String formatSeconds(long micros) {
            return String.format(Locale.ROOT, "%.3f", micros / 1e6).replaceAll("\\.?0+$", "") + "s";
        }
    }

    private static RepetitionWindow window(Recording rec, int recording, int from, int to, String name) {
        String id = rec.problemId()[from];
        return new RepetitionWindow(
                rec.user(), name, rec.label(), id, Arrays.copyOfRange(rec.samples(), from, to), recording, from, to);
    }
}
