package io.formcheck.trainer.train;

import io.formcheck.model.Tensor;
import io.formcheck.trainer.nn.ClassifierNet;
import java.util.List;
import java.util.Map;

/**
 * A trained model as the model file holds it: the header entries naming its architecture and its tensors.
 */
public record ExportedModel(Map<String, String> architecture, List<Tensor> tensors) {
    public static ExportedModel of(ClassifierNet net) {
        List<Tensor> tensors = net.parameters().stream()
                .map(p -> new Tensor(p.name, p.shape.clone(), p.value.clone()))
                .toList();
        return new ExportedModel(net.architecture(), tensors);
    }
}
