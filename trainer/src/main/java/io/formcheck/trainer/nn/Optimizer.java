package io.formcheck.trainer.nn;

import java.util.List;
import java.util.Locale;

/** Updates parameters from their gradients, with PyTorch's update rules and defaults. */
public abstract class Optimizer {
    protected final List<Parameter> params;
    protected final float weightDecay;
    protected float lr;

    protected Optimizer(List<Parameter> params, float lr, float weightDecay) {
        this.params = params;
        this.lr = lr;
        this.weightDecay = weightDecay;
    }

    /** The optimizers the trainer offers, by command-line name. */
    public enum Kind {
        ADAM,
        SGD,
        RMSPROP;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Optimizer create(Kind kind, List<Parameter> params, float lr, float weightDecay) {
        return switch (kind) {
            case ADAM -> new Adam(params, lr, weightDecay);
            case SGD -> new Sgd(params, lr, weightDecay);
            case RMSPROP -> new RmsProp(params, lr, weightDecay);
        };
    }

    public float learningRate() {
        return lr;
    }

    public void setLearningRate(float lr) {
        this.lr = lr;
    }

    /** One update of every parameter from its gradient. */
    public final void step() {
        beginStep();
        update(0, 1);
    }

    /** What one step computes once for all of its elements: call before the step's {@link #update}s. */
    public void beginStep() {}

    /**
     * The step's update of part {@code part} of {@code parts} of every parameter's elements, independent of
     * the other parts (each element's update reads only its own state), so the parts may run on different
     * threads and give what {@link #step} gives.
     */
    public final void update(int part, int parts) {
        for (int k = 0; k < params.size(); k++) {
            int size = params.get(k).size();
            updateRange(k, partStart(size, part, parts), partStart(size, part + 1, parts));
        }
    }

    /** Where part {@code part} of {@code parts} of {@code size} elements begins; the next part's start ends it. */
    public static int partStart(int size, int part, int parts) {
        return (int) ((long) size * part / parts);
    }

    /** The update of elements {@code from} to {@code to} (exclusive) of parameter {@code k}. */
    protected abstract void updateRange(int k, int from, int to);

    /** The gradient plus L2 weight decay, as PyTorch's optimizers apply {@code weight_decay}. */
    protected float grad(Parameter p, int i) {
        return p.grad[i] + weightDecay * p.value[i];
    }

    /** Adam (betas 0.9, 0.999; eps 1e-8) with bias correction. */
    static final class Adam extends Optimizer {
        private final float[][] m;
        private final float[][] v;
        private int t;
        private float stepSize;
        private float sqrtC2;

        Adam(List<Parameter> params, float lr, float weightDecay) {
            super(params, lr, weightDecay);
            m = new float[params.size()][];
            v = new float[params.size()][];
            for (int k = 0; k < params.size(); k++) {
                m[k] = new float[params.get(k).size()];
                v[k] = new float[params.get(k).size()];
            }
        }

        @Override
        public void beginStep() {
            t++;
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            stepSize = (float) (lr / c1);
            sqrtC2 = (float) Math.sqrt(c2);
        }

        @Override
        protected void updateRange(int k, int from, int to) {
            Parameter p = params.get(k);
            float[] mk = m[k];
            float[] vk = v[k];
            for (int i = from; i < to; i++) {
                float g = grad(p, i);
                mk[i] = 0.9f * mk[i] + 0.1f * g;
                vk[i] = 0.999f * vk[i] + 0.001f * g * g;
                p.value[i] -= stepSize * mk[i] / ((float) Math.sqrt(vk[i]) / sqrtC2 + 1e-8f);
            }
        }
    }

    /** SGD with momentum 0.9. */
    static final class Sgd extends Optimizer {
        private final float[][] velocity;

        Sgd(List<Parameter> params, float lr, float weightDecay) {
            super(params, lr, weightDecay);
            velocity = new float[params.size()][];
            for (int k = 0; k < params.size(); k++) {
                velocity[k] = new float[params.get(k).size()];
            }
        }

        @Override
        protected void updateRange(int k, int from, int to) {
            Parameter p = params.get(k);
            float[] buf = velocity[k];
            for (int i = from; i < to; i++) {
                buf[i] = 0.9f * buf[i] + grad(p, i);
                p.value[i] -= lr * buf[i];
            }
        }
    }

    /** RMSprop (alpha 0.99, eps 1e-8). */
    static final class RmsProp extends Optimizer {
        private final float[][] square;

        RmsProp(List<Parameter> params, float lr, float weightDecay) {
            super(params, lr, weightDecay);
            square = new float[params.size()][];
            for (int k = 0; k < params.size(); k++) {
                square[k] = new float[params.get(k).size()];
            }
        }

        @Override
        protected void updateRange(int k, int from, int to) {
            Parameter p = params.get(k);
            float[] sq = square[k];
            for (int i = from; i < to; i++) {
                float g = grad(p, i);
                sq[i] = 0.99f * sq[i] + 0.01f * g * g;
                p.value[i] -= lr * g / ((float) Math.sqrt(sq[i]) + 1e-8f);
            }
        }
    }
}
