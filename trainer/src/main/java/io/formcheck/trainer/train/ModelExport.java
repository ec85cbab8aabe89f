package io.formcheck.trainer.train;

import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.model.ModelFile;
import io.formcheck.model.Standardization;
import io.formcheck.model.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Turns a trained model and its input statistics into a self-describing {@link ModelFile}. */
public final class ModelExport {
    private ModelExport() {}

    /**
     * A model trained here: on the 52 WLE features, predicting the WLE classes.
     *
     * @param training extra header entries (name, version, trained_at, training.*), written as given
     */
    public static ModelFile toModelFile(
            ExportedModel model, Standardization standardization, int maxSequenceLength, Map<String, String> training) {
        Map<String, String> header = new TreeMap<>(training);
        header.put(ModelFile.MAX_SEQUENCE_LENGTH, String.valueOf(maxSequenceLength));
        return toModelFile(model, Features.NAMES, ExerciseClass.labels(), standardization, header);
    }

    /** @param extra header entries besides the model's own, written as given */
    public static ModelFile toModelFile(
            ExportedModel model,
            List<String> features,
            List<String> labels,
            Standardization standardization,
            Map<String, String> extra) {
        SortedMap<String, String> header = new TreeMap<>(extra);
        header.putAll(model.architecture());
        header.put(ModelFile.FEATURES, String.join(",", features));
        header.put(ModelFile.LABELS, String.join(",", labels));
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
        return new ModelFile(header, tensors);
    }
}
