package org.gridcase.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where the figures go: standard output, between the application's log lines, and a copy under
 * target/bench-results/ that keeps only the figures, so that a run can be read and compared afterwards.
 */
final class BenchOutput {

    private final Path copy;

    BenchOutput(String mode) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        this.copy = Path.of("target", "bench-results", mode + "-" + stamp + ".txt");
        try {
            Files.createDirectories(copy.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path copy() {
        return copy;
    }

    void line(String text) {
        System.out.println(text);
        try {
            Files.writeString(copy, text + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(String format, Object... values) {
        line(format.formatted(values));
    }

    void heading(String title) {
        line("");
        line("== " + title + " " + "=".repeat(Math.max(0, 100 - title.length())));
    }
}
