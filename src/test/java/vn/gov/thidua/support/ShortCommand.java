package vn.gov.thidua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A short command the tests run for its output ({@code id}, {@code postgres --version}, {@code jcmd}). The output goes
 * to a file, not a pipe, so the time limit holds even when the command hangs; a command that fails, or overruns and
 * is killed, fails with its output.
 */
final class ShortCommand {

    private ShortCommand() {
    }

    /** Runs {@code command} (its standard error merged into its output) and returns what it printed. */
    static String output(ProcessBuilder command, Duration timeout) {
        try {
            Path output = Files.createTempFile("short-command-", ".txt");
            try {
                Process run = command.redirectErrorStream(true).redirectOutput(output.toFile()).start();
                boolean finished = run.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    run.destroyForcibly();
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (!finished || run.exitValue() != 0) {
                    throw new IllegalStateException("Command failed" + (finished ? "" : " (killed after " + timeout + ")")
                            + ": " + command.command() + "\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.command(), e);
        }
    }
}
