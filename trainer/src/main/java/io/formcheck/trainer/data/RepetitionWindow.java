package io.formcheck.trainer.data;

/**
 * One repetition: consecutive readings [from, to) of one recording, the unit a request carries.
 *
 * @param window  its name: the num_window, or the start time within the recording ("12.5s")
 * @param label   the class index (A = 0 ... E = 4), or -1 for an unlabelled file
 * @param id      the file's problem_id where it has one, otherwise empty
 * @param samples steps x 52 raw feature values, in {@link io.formcheck.model.Features#NAMES} order
 * @param recording the index of its recording in the dataset, or -1 for a window made on its own
 */
public record RepetitionWindow(
        String user, String window, int label, String id, float[][] samples, int recording, int from, int to) {

    /** A window that is not part of a dataset's recordings (tests, generated data). */
    public RepetitionWindow(String user, String window, int label, String id, float[][] samples) {
        this(user, window, label, id, samples, -1, 0, samples.length);
    }

    public int length() {
        return samples.length;
    }

    public boolean labelled() {
        return label >= 0;
    }

    /** Whether the two share a reading. */
    public boolean overlaps(RepetitionWindow other) {
        return recording >= 0 && recording == other.recording && from < other.to && other.from < to;
    }
}
