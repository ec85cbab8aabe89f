package io.formcheck.trainer.data;

/**
 * One repetition: the readings sharing (user_name, num_window), in time order.
 *
 * @param samples steps x 52 raw feature values, in {@link io.formcheck.model.Features#NAMES} order
 * @param label   the class index (A = 0 ... E = 4), or -1 for an unlabelled file
 * @param id      the file's problem_id where it has one, otherwise empty
 */
public record RepetitionWindow(String user, String window, int label, String id, float[][] samples) {
    public int length() {
        return samples.length;
    }

    public boolean labelled() {
        return label >= 0;
    }
}
