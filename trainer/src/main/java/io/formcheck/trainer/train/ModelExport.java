package io.formcheck.trainer.train;

import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.model.ModelFile;
import io.formcheck.model.Standardization;
import io.formcheck.model.Tensor;
import io.formcheck.trainer.nn.ClassifierNet;
import io.formcheck.trainer.nn.Parameter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns a trained network and its input statistics into a self-describing {@link ModelFile}. */
public final class ModelExport {
    private ModelExport() {
    }

    /**
     * @param training extra header entries (name, version, trained_at, training.*), written as given
     */
    public static ModelFile toModelFile(ClassifierNet net, Standardization standardization, int maxSequenceLength,
            Map<String, String> training) {
        Map<String, String> header = new TreeMap<>(training);
        header.putAll(net.architecture());
        header.put(ModelFile.FEATURES, String.join(",", Features.NAMES));
        header.put(ModelFile.LABELS, Arrays.stream(ExerciseClass.values()).map(Enum::name).collect(Collectors.joining(",")));
        header.put(ModelFile.MAX_SEQUENCE_LENGTH, String.valueOf(maxSequenceLength));
        header.put(ModelFile.INPUT_CENTERING, standardization.centerEachRepetition() ? "per_repetition" : "none");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put(ModelFile.INPUT_MEAN, Tensor.of(ModelFile.INPUT_MEAN, standardization.mean().clone(), net.inputs()));
        tensors.put(ModelFile.INPUT_STD, Tensor.of(ModelFile.INPUT_STD, standardization.std().clone(), net.inputs()));
        for (Parameter p : net.parameters()) {
            tensors.put(p.name, new Tensor(p.name, p.shape.clone(), p.value.clone()));
        }
        return new ModelFile(new TreeMap<>(header), tensors);
    }
}
