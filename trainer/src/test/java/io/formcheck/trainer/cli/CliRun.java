package io.formcheck.trainer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** A trainer command run in-process as a user runs it: its exit code, what it printed and its errors. */
record CliRun(int exit, String out, String err) {
    static CliRun of(String... args) {
        CommandLine cli = TrainerCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
        try {
            int exit = cli.execute(args);
            return new CliRun(exit, systemOut.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }
}
