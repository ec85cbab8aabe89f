package io.formcheck.trainer.data;

/**
 * One person's continuous recording of one class: every reading of (user_name, classe) in time order.
 * In WLE each participant did one set of 10 curls per class, so this is one set.
 *
 * @param label the class index (A = 0 ... E = 4), or -1 for an unlabelled file
 * @param micros each reading's timestamp in microseconds (raw_timestamp_part_1 and _2), ascending
 * @param samples readings x 52 raw feature values, in {@link io.formcheck.model.Features#NAMES} order
 * @param numWindow each reading's num_window
 * @param problemId each reading's problem_id where the file has one, otherwise empty
 */
public record Recording(
        String user, int label, long[] micros, float[][] samples, String[] numWindow, String[] problemId) {
    public int length() {
        return samples.length;
    }
}
