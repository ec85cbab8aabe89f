package io.formcheck.trainer.train;

import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.model.ModelFile;
import io.formcheck.model.Standardization;
import io.formcheck.model.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns a trained model and its input statistics into a self-describing {@link ModelFile}. */
public final class ModelExport {
    private ModelExport() {}

    /**
     * @param training extra header entries (name, version, trained_at, training.*), written as given
     */
    public static ModelFile toModelFile(
            ExportedModel model, Standardization standardization, int maxSequenceLength, Map<String, String> training) {
        Map<String, String> header = new TreeMap<>(training);
        header.putAll(model.architecture());
        header.put(ModelFile.FEATURES, String.join(",", Features.NAMES));
        header.put(
                ModelFile.LABELS,
                Arrays.stream(ExerciseClass.values()).map(Enum::name).collect(Collectors.joining(",")));
        header.put(ModelFile.MAX_SEQUENCE_LENGTH, String.valueOf(maxSequenceLength));
        header.put(ModelFile.INPUT_CENTERING, standardization.centerEachRepetition() ? "per_repetition" : "none");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        int inputs = standardization.mean().length;
        tensors.put(
                ModelFile.INPUT_MEAN,
                Tensor.of(ModelFile.INPUT_MEAN, standardization.mean().clone(), inputs));
        tensors.put(
                ModelFile.INPUT_STD,
                Tensor.of(ModelFile.INPUT_STD, standardization.std().clone(), inputs));
        for (Tensor t : model.tensors()) {
            tensors.put(t.name(), t);
        }
        return new ModelFile(new TreeMap<>(header), tensors);
    }
}
