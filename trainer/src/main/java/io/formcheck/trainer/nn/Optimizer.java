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

    public abstract void step();

    /** The gradient plus L2 weight decay, as PyTorch's optimizers apply {@code weight_decay}. */
    protected float grad(Parameter p, int i) {
        return p.grad[i] + weightDecay * p.value[i];
    }

    /** Adam (betas 0.9, 0.999; eps 1e-8) with bias correction. */
    static final class Adam extends Optimizer {
        private final float[][] m;
        private final float[][] v;
        private int t;

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
        public void step() {
            t++;
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            float stepSize = (float) (lr / c1);
            float sqrtC2 = (float) Math.sqrt(c2);
            for (int k = 0; k < params.size(); k++) {
                Parameter p = params.get(k);
                float[] mk = m[k];
                float[] vk = v[k];
                for (int i = 0; i < p.size(); i++) {
                    float g = grad(p, i);
                    mk[i] = 0.9f * mk[i] + 0.1f * g;
                    vk[i] = 0.999f * vk[i] + 0.001f * g * g;
                    p.value[i] -= stepSize * mk[i] / ((float) Math.sqrt(vk[i]) / sqrtC2 + 1e-8f);
                }
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
        public void step() {
            for (int k = 0; k < params.size(); k++) {
                Parameter p = params.get(k);
                float[] buf = velocity[k];
                for (int i = 0; i < p.size(); i++) {
                    buf[i] = 0.9f * buf[i] + grad(p, i);
                    p.value[i] -= lr * buf[i];
                }
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
        public void step() {
            for (int k = 0; k < params.size(); k++) {
                Parameter p = params.get(k);
                float[] sq = square[k];
                for (int i = 0; i < p.size(); i++) {
                    float g = grad(p, i);
                    sq[i] = 0.99f * sq[i] + 0.01f * g * g;
                    p.value[i] -= lr * g / ((float) Math.sqrt(sq[i]) + 1e-8f);
                }
            }
        }
    }
}
