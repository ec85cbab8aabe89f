package io.formcheck.trainer.cli;

import io.formcheck.model.Classifier;
import io.formcheck.trainer.data.Dataset;
import io.formcheck.trainer.data.RepetitionWindow;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = "Labels every window of a file (labelled or not, e.g. pml-testing.csv).")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model file written by train")
    Path model;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        Classifier classifier = Classifier.load(model);
        Dataset ds = data.load(false);
        System.out.println("problem_id,user_name,num_window,readings,label,confidence");
        for (RepetitionWindow w : ds.numWindows()) {
            float[] p = classifier.probabilities(w.samples());
            int best = Classifier.argmax(p);
            System.out.printf(
                    Locale.ROOT,
                    "%s,%s,%s,%d,%s,%.4f%n",
                    w.id(),
                    w.user(),
                    w.window(),
                    w.length(),
                    classifier.labels().get(best),
                    p[best]);
        }
        return 0;
    }
}
