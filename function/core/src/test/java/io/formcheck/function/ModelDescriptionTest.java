package io.formcheck.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.formcheck.model.Classifier;
import io.formcheck.model.ExerciseClass;
import io.formcheck.model.Features;
import io.formcheck.model.LstmSchema;
import io.formcheck.model.ModelFile;
import io.formcheck.model.Tensor;
import io.formcheck.model.TensorSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the function says about the model it serves. */
class ModelDescriptionTest {
    /** A model of several networks says so, beside its architecture, where a client can see it. */
    @Test
    void aModelOfSeveralMembersSaysHowMany() throws Exception {
        int n = Features.COUNT;
        LstmSchema schema = new LstmSchema(n, 2, 1, LstmSchema.Pooling.LAST, 2, ExerciseClass.values().length);
        Map<String, String> header = new TreeMap<>(schema.header());
        header.put(ModelFile.FEATURES, String.join(",", Features.NAMES));
        header.put(ModelFile.LABELS, String.join(",", ExerciseClass.labels()));
        header.put(ModelFile.MEMBERS, "2");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put(ModelFile.INPUT_MEAN, Tensor.of(ModelFile.INPUT_MEAN, new float[n], n));
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        tensors.put(ModelFile.INPUT_STD, Tensor.of(ModelFile.INPUT_STD, ones, n));
        for (int k = 0; k < 2; k++) {
            for (TensorSpec spec : schema.tensors()) {
                String name = ModelFile.memberPrefix(k) + spec.name();
                int size = 1;
                for (int d : spec.shape()) {
                    size *= d;
                }
                tensors.put(name, new Tensor(name, spec.shape(), new float[size]));
            }
        }
        ClassificationService service =
                new ClassificationService(new Classifier(new ModelFile(new TreeMap<>(header), tensors)), 64);
        assertEquals("2", service.describe().architecture().get(ModelFile.MEMBERS));
        assertEquals(LstmSchema.ARCHITECTURE, service.describe().architecture().get(ModelFile.ARCHITECTURE));
    }
}
