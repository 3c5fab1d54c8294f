package org.scoredos.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.model.ModelDescription;
import org.scoredos.model.ModelFiles;

/** The files a campaign config names, resolved against the config's directory. */
public final class CampaignFiles {
    private CampaignFiles() {}

    static List<String> referenced(CampaignConfig c) {
        List<String> files = new ArrayList<>();
        if (c.structure().file() != null) files.add(c.structure().file());
        files.add(c.descriptor());
        if (c.reference().coeff() != null) files.add(c.reference().coeff());
        if (c.reference().params() != null) files.add(c.reference().params());
        if (c.reference().model() != null) files.add(c.reference().model());
        return files;
    }

    /**
     * The descriptor definition the config names: a .snapparam, or the .snapparam of a LAMMPS model
     * file; without its products when the reference's products block is a fixed term.
     */
    public static SnapParameters descriptor(CampaignConfig c, Path baseDir) throws IOException {
        Path file = resolve(baseDir, c.descriptor());
        SnapParameters p = file.toString().endsWith(".snap") ? ModelFiles.lammps(file).snap() : SnapParameterReader.read(file);
        return c.reference().productsFixed() ? p.withQuadratic(false) : p;
    }

    /**
     * The reference model: the LAMMPS model file, or the coefficients with their parameters (by
     * default the descriptor's file's), with its products block as a fixed term when the config says so.
     */
    public static ModelDescription reference(CampaignConfig c, Path baseDir) throws IOException {
        ModelDescription d;
        if (c.reference().model() != null) {
            d = ModelFiles.lammps(resolve(baseDir, c.reference().model()));
        } else {
            Path file = resolve(baseDir, c.reference().params() != null ? c.reference().params() : c.descriptor());
            SnapParameters params = file.toString().endsWith(".snap") ? ModelFiles.lammps(file).snap() : SnapParameterReader.read(file);
            d = ModelDescription.snap(params, SnapCoefficientReader.read(resolve(baseDir, c.reference().coeff()), params));
        }
        return c.reference().productsFixed() ? d.withFixedQuadratic() : d;
    }

    /**
     * A referenced file, relative to the config's directory; when it is not there but a file of
     * that name sits beside the config, that one: spark-submit --files ships a config and its
     * files flat into the driver's working directory (cluster deploy mode, deploy/submit/).
     */
    static Path resolve(Path baseDir, String file) {
        Path p = baseDir.resolve(file).normalize();
        if (Files.exists(p)) return p;
        Path flat = baseDir.resolve(Path.of(file).getFileName().toString());
        return Files.exists(flat) ? flat : p;
    }
}
