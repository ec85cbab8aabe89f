package io.formcheck.trainer.cli;

import io.formcheck.model.Classifier;
import io.formcheck.model.LstmSchema;
import io.formcheck.model.ModelFile;
import io.formcheck.trainer.data.DatasetDownloader;
import io.formcheck.trainer.torch.TorchLstm;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "import-torch",
        mixinStandardHelpOptions = true,
        description = {
            "Turns a PyTorch LSTM classifier (nn.LSTM, Linear, ReLU, Linear: the seed's) whose state dict was "
                    + "exported as JSON into a model file the function serves.",
            "The JSON's layout, and its optional features, labels, pooling and input_mean/input_std "
                    + "(without them the readings go in unstandardized, as the seed notebook trained): README, "
                    + "'Serving a PyTorch-trained LSTM'."
        })
final class ImportTorchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--state-dict", required = true, paramLabel = "JSON", description = "the exported state dict")
    Path stateDict;

    @Option(names = "--out", paramLabel = "FILE", description = "model file to write (default: ${DEFAULT-VALUE})")
    Path out = Path.of("runs", "import", "model.fcmodel");

    @Option(names = "--name", description = "model name recorded in the file (default: ${DEFAULT-VALUE})")
    String name = "formcheck-torch-lstm";

    @Option(names = "--model-version", description = "model version recorded in the file (default: ${DEFAULT-VALUE})")
    String modelVersion = "1";

    @Override
    public Integer call() throws Exception {
        TorchLstm.Imported imported = TorchLstm.read(stateDict);
        Map<String, String> header = new TreeMap<>();
        header.put(ModelFile.NAME, name);
        header.put(ModelFile.VERSION, modelVersion);
        header.put("training.imported_from", "PyTorch state dict " + stateDict.getFileName());
        header.put("training.imported_sha256", DatasetDownloader.sha256(Files.readAllBytes(stateDict)));
        header.put(
                "training.imported_at",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        String statistics = imported.statisticsGiven()
                ? "the state dict's input_mean and input_std"
                : "none given: readings go in unstandardized (mean 0, std 1)";
        header.put("training.input_statistics", statistics);
        ModelFile model = imported.toModelFile(header);
        // what the function will do with it: refuse it here rather than at its start-up
        new Classifier(model);
        model.write(out);
        PrintWriter print = spec.commandLine().getOut();
        LstmSchema lstm = imported.schema();
        print.printf(
                "read a %d-layer LSTM (%d inputs, hidden size %d, read at %s) with a head of %d and %d classes%n",
                lstm.layers(),
                lstm.inputSize(),
                lstm.hiddenSize(),
                lstm.pooling() == LstmSchema.Pooling.MEAN ? "the mean of the steps" : "the last step",
                lstm.headSize(),
                lstm.classes());
        print.println("input statistics: " + statistics);
        print.println("wrote " + out);
        print.flush();
        return 0;
    }
}
