package io.formcheck.trainer.train;

import io.formcheck.model.StatisticsInput;
import io.formcheck.model.Tensor;
import io.formcheck.trainer.nn.ClassifierNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

    /** A network and the window statistics its head reads (their entries and tensors beside its own). */
    public static ExportedModel of(ClassifierNet net, Optional<StatisticsInput> statistics) {
        ExportedModel model = of(net);
        if (statistics.isEmpty()) {
            return model;
        }
        Map<String, String> header = new TreeMap<>(model.architecture());
        header.putAll(statistics.get().header());
        List<Tensor> tensors = new ArrayList<>(model.tensors());
        tensors.addAll(statistics.get().tensors());
        return new ExportedModel(header, tensors);
    }
}
