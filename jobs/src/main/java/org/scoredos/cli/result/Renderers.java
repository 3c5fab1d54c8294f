package org.scoredos.cli.result;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import org.scoredos.cli.OutputFormat;

/** The one renderer per {@code --format}. */
public final class Renderers {
    private static final Map<OutputFormat, Renderer> BY_FORMAT = new EnumMap<>(Map.of(
            OutputFormat.TEXT, new TextRenderer(),
            OutputFormat.JSON, new JsonRenderer(),
            OutputFormat.CSV, new CsvRenderer()));

    private Renderers() {}

    public static Renderer of(OutputFormat format) {
        return BY_FORMAT.get(format);
    }

    /** Renders {@code result} as {@code format} on {@code out}, flushed. */
    public static void print(Result result, OutputFormat format, PrintWriter out) {
        of(format).render(result, out);
        out.flush();
    }
}
