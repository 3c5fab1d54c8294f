package org.scoredos.cli.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.scoredos.io.BadInputException;

/** The image a {@code --plot FILE} gets, chosen by the file's extension: PNG, or SVG and PDF as vector graphics. */
public enum PlotFormat {
    PNG {
        @Override
        void encode(Chart<?, ?> chart, OutputStream out) throws IOException {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    },
    SVG {
        @Override
        void encode(Chart<?, ?> chart, OutputStream out) throws IOException {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
    },
    PDF {
        @Override
        void encode(Chart<?, ?> chart, OutputStream out) throws IOException {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.PDF);
        }
    };

    abstract void encode(Chart<?, ?> chart, OutputStream out) throws IOException;

    /** The format of {@code file} (.png, .svg, .pdf, any case), or bad input naming the option and the extension. */
    public static PlotFormat of(Path file, String option) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
        for (PlotFormat f : values()) if (f.name().equals(ext)) return f;
        throw new BadInputException(option + ": " + file + ": " + (dot < 0 ? "no extension" : "unknown extension ." + name.substring(dot + 1))
                + "; give FILE.png, FILE.svg or FILE.pdf");
    }
}
