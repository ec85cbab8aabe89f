package io.formcheck.trainer.train;

import io.formcheck.model.Classifier;
import io.formcheck.trainer.nn.ClassifierNet;
import io.formcheck.trainer.nn.Mode;
import io.formcheck.trainer.nn.Optimizer;
import io.formcheck.trainer.nn.PackedBatch;
import io.formcheck.trainer.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Forward and backward of one mini-batch as two shards, each on its own replica of the network (same
 * weights, own gradients and buffers), run on two threads where the machine has two cores, then the
 * optimizer's step on the same threads, each summing and updating its half of every parameter. The
 * shards, their dropout seeds and the halves are fixed, so the result is the same whatever the thread
 * count. Where the products run on OpenBLAS, it runs single-threaded inside each shard: a second BLAS
 * thread fighting the other shard for a core thrashed.
 */
final class ShardedStep implements AutoCloseable {
    static final int SHARDS = 2;

    private final ClassifierNet[] nets = new ClassifierNet[SHARDS];
    private final ClassifierNet.Workspace[] workspaces = new ClassifierNet.Workspace[SHARDS];
    private final ExecutorService pool;
    private final int features;

    /** What one step measured. */
    record Outcome(double lossSum, int correct) {}

    ShardedStep(ClassifierNet net, int batchSize, int maxSteps) {
        this.features = net.inputs();
        int shardSize = (batchSize + SHARDS - 1) / SHARDS;
        for (int s = 0; s < SHARDS; s++) {
            nets[s] = s == 0 ? net : net.replica();
            workspaces[s] = net.workspace(shardSize, shardSize * maxSteps);
        }
        int threads = Math.min(SHARDS, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "trainer-shard");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Accumulates the batch's gradient into the first network's parameters and takes the optimizer's step
     * (the optimizer's parameters are the first network's); returns loss sum and hits.
     */
    Outcome run(Trainer.Examples examples, Random rng, Optimizer optimizer) {
        List<float[]> sequences = examples.sequences();
        List<float[]> statistics = examples.statistics();
        int[] labels = examples.labels();
        int n = labels.length;
        int shardSize = (n + SHARDS - 1) / SHARDS;
        long[] seeds = new long[SHARDS];
        for (int s = 0; s < SHARDS; s++) {
            seeds[s] = rng.nextLong();
        }
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int s = 0; s < SHARDS; s++) {
            int from = Math.min(n, s * shardSize);
            int to = Math.min(n, from + shardSize);
            if (from == to) {
                continue;
            }
            int shard = s;
            futures.add(pool.submit(() -> {
                for (Parameter p : nets[shard].parameters()) {
                    p.zeroGrad();
                }
                PackedBatch batch = PackedBatch.of(
                        sequences.subList(from, to),
                        statistics.isEmpty() ? List.of() : statistics.subList(from, to),
                        Arrays.copyOfRange(labels, from, to),
                        features);
                float loss =
                        nets[shard].forwardBackward(batch, workspaces[shard], Mode.train(new Random(seeds[shard])), n);
                return new Outcome(loss * batch.size, correct(workspaces[shard].head().probs, batch.labels));
            }));
        }
        double lossSum = 0;
        int correct = 0;
        for (Future<Outcome> f : futures) {
            Outcome o = join(f);
            lossSum += o.lossSum();
            correct += o.correct();
        }
        step(optimizer, futures.size());
        return new Outcome(lossSum, correct);
    }

    /**
     * Sums the gradients of the first {@code shards} networks into the first's and applies the optimizer,
     * one task per part of every parameter: a part's sum and update touch no other part's elements, so
     * they need no barrier between them. Shards without work this batch kept an older gradient and are
     * left out.
     */
    private void step(Optimizer optimizer, int shards) {
        optimizer.beginStep();
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < SHARDS; s++) {
            int part = s;
            futures.add(pool.submit(() -> {
                List<Parameter> main = nets[0].parameters();
                for (int o = 1; o < shards; o++) {
                    List<Parameter> other = nets[o].parameters();
                    for (int k = 0; k < main.size(); k++) {
                        float[] g = main.get(k).grad;
                        float[] h = other.get(k).grad;
                        int to = Optimizer.partStart(g.length, part + 1, SHARDS);
                        for (int i = Optimizer.partStart(g.length, part, SHARDS); i < to; i++) {
                            g[i] += h[i];
                        }
                    }
                }
                optimizer.update(part, SHARDS);
            }));
        }
        for (Future<?> f : futures) {
            join(f);
        }
    }

    private int correct(float[] probs, int[] labels) {
        int classes = nets[0].classes();
        int hits = 0;
        for (int r = 0; r < labels.length; r++) {
            if (Classifier.argmax(Arrays.copyOfRange(probs, r * classes, (r + 1) * classes)) == labels[r]) {
                hits++;
            }
        }
        return hits;
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
