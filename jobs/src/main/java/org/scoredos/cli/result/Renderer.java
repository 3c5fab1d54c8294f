package org.scoredos.cli.result;

import java.io.PrintWriter;

/** Writes a {@link Result} in one output format. */
public interface Renderer {
    void render(Result result, PrintWriter out);
}
