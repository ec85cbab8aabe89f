package io.formcheck.trainer.nn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Variable-length sequences packed time-major with no padding (as PyTorch's PackedSequence): sorted
 * longest first, step t holds the first {@code active[t]} sequences, so each step's rows are a
 * contiguous block and no layer ever computes or reads a padded step.
 *
 * <p>Shapes: x [rows, features] where rows = sum of lengths; step t occupies rows
 * [offset[t], offset[t + 1]) (offset[steps] = rows), sequence b (in sorted order) is row offset[t] + b; statistics
 * [size, S], row b the window statistics of sequence b (S = 0 for a network that reads none).
 */
public final class PackedBatch {
    public final int size;
    public final int features;
    public final int steps;
    public final int rows;
    public final int[] lengths;
    public final int[] active;
    public final int[] offset;
    public final float[] x;
    public final int[] labels;
    /** S: window statistics per sequence, 0 when there are none. */
    public final int statisticsWidth;

    public final float[] statistics;
    /** order[b]: the index, in the caller's list, of the b-th packed sequence. */
    public final int[] order;

    private PackedBatch(List<float[]> sequences, List<float[]> statistics, int[] labels, int features) {
        this.features = features;
        this.size = sequences.size();
        this.order = IntStream.range(0, size)
                .boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -sequences.get(i).length))
                .mapToInt(Integer::intValue)
                .toArray();
        this.lengths = new int[size];
        this.labels = new int[size];
        for (int b = 0; b < size; b++) {
            float[] seq = sequences.get(order[b]);
            if (seq.length == 0 || seq.length % features != 0) {
                throw new IllegalArgumentException("a sequence must hold whole readings of " + features + " features");
            }
            lengths[b] = seq.length / features;
            this.labels[b] = labels == null ? -1 : labels[order[b]];
        }
        this.steps = size == 0 ? 0 : lengths[0];
        this.active = new int[steps];
        this.offset = new int[steps + 1];
        for (int t = 0; t < steps; t++) {
            int n = 0;
            while (n < size && lengths[n] > t) {
                n++;
            }
            active[t] = n;
            offset[t + 1] = offset[t] + n;
        }
        this.rows = offset[steps];
        this.statisticsWidth = statistics.isEmpty() ? 0 : statistics.get(0).length;
        if (!statistics.isEmpty() && statistics.size() != size) {
            throw new IllegalArgumentException(statistics.size() + " rows of statistics for " + size + " sequences");
        }
        this.statistics = new float[size * statisticsWidth];
        for (int b = 0; b < (statistics.isEmpty() ? 0 : size); b++) {
            float[] s = statistics.get(order[b]);
            if (s.length != statisticsWidth) {
                throw new IllegalArgumentException("every sequence needs " + statisticsWidth + " statistics");
            }
            System.arraycopy(s, 0, this.statistics, b * statisticsWidth, statisticsWidth);
        }
        this.x = new float[rows * features];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < active[t]; b++) {
                System.arraycopy(sequences.get(order[b]), t * features, x, (offset[t] + b) * features, features);
            }
        }
    }

    /** sequences: each steps*features standardized values, row after row; labels may be null. */
    public static PackedBatch of(List<float[]> sequences, int[] labels, int features) {
        return of(sequences, List.of(), labels, features);
    }

    /** statistics: each sequence's window statistics (S values each), or empty for none. */
    public static PackedBatch of(List<float[]> sequences, List<float[]> statistics, int[] labels, int features) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one sequence");
        }
        return new PackedBatch(sequences, statistics, labels, features);
    }

    /** The packed row of sequence b's last real step, the one the classifier reads. */
    public int lastRow(int b) {
        return offset[lengths[b] - 1] + b;
    }

    @Override
    public String toString() {
        return "PackedBatch[size=" + size + ", steps=" + steps + ", rows=" + rows + ", lengths="
                + Arrays.toString(lengths) + "]";
    }
}
