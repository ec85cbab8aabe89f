package io.formcheck.trainer.cli;

import io.formcheck.model.ModelFormatException;
import io.formcheck.trainer.data.DataException;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar trainer.jar <command>}: the trainer's entry point. */
@Command(
        name = "trainer",
        mixinStandardHelpOptions = true,
        version = "formcheck trainer 0.1.0",
        description = "Trains and evaluates the formcheck biceps-curl classifier on WLE recordings.",
        subcommands = {
            TrainCommand.class,
            EvaluateCommand.class,
            CvCommand.class,
            PredictCommand.class,
            CompareCommand.class,
            TuneCommand.class,
            BenchCommand.class,
            WindowsCommand.class,
            ImportTorchCommand.class
        })
public final class TrainerCli {
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TrainerCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e instanceof DataException
                    || e instanceof ModelFormatException
                    || e instanceof IOException
                    || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + message);
            } else {
                commandLine.getErr().println("error: unexpected " + e.getClass().getSimpleName() + ": " + message);
                if (System.getenv("FORMCHECK_DEBUG") != null) {
                    e.printStackTrace(commandLine.getErr());
                }
            }
            return 1;
        });
        return cli;
    }
}
