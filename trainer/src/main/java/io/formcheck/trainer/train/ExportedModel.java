package io.formcheck.trainer.train;

import io.formcheck.model.ModelFile;
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

    /**
     * Networks of one architecture and the window statistics their heads read (entries and tensors
     * beside theirs, shared). Several networks are members of one model ({@link ModelFile#MEMBERS}).
     */
    public static ExportedModel of(List<ClassifierNet> nets, Optional<StatisticsInput> statistics) {
        List<ExportedModel> exported = nets.stream().map(ExportedModel::of).toList();
        Map<String, String> header = new TreeMap<>(exported.get(0).architecture());
        List<Tensor> tensors = new ArrayList<>();
        if (exported.size() == 1) {
            tensors.addAll(exported.get(0).tensors());
        } else {
            header.put(ModelFile.MEMBERS, String.valueOf(exported.size()));
            for (int k = 0; k < exported.size(); k++) {
                String prefix = ModelFile.memberPrefix(k);
                for (Tensor t : exported.get(k).tensors()) {
                    tensors.add(new Tensor(prefix + t.name(), t.shape(), t.data()));
                }
            }
        }
        statistics.ifPresent(s -> {
            header.putAll(s.header());
            tensors.addAll(s.tensors());
        });
        return new ExportedModel(header, tensors);
    }
}
