package org.scoredos.model;

import java.io.IOException;
import java.nio.file.Path;
import org.scoredos.descriptor.SnapBispectrum;
import org.scoredos.descriptor.SnapCoefficientReader;
import org.scoredos.descriptor.SnapParameterReader;
import org.scoredos.descriptor.SnapParameters;
import org.scoredos.io.BadInputException;

/** Reads a model description from the files a user names: a LAMMPS {@code .snap} file, or a {@code .snapparam} with its {@code .snapcoeff}. */
public final class ModelFiles {
    private ModelFiles() {}

    /** A LAMMPS potential-library file ({@code pair_style}/{@code pair_coeff} lines). */
    public static ModelDescription lammps(Path snapFile) throws IOException {
        return checkedCutoffs(LammpsModelFile.read(snapFile), snapFile);
    }

    /**
     * A pure SNAP model from its two files (type t ↔ element t of the coefficient file). Without
     * a coefficient file, a descriptor-only model: one element of radius 0.5 and weight 1
     * (rcut = rcutfac, as DescriptorDOS and the LAMMPS examples use) and all coefficients 0.
     */
    public static ModelDescription snap(Path params, Path coeff) throws IOException {
        SnapParameters p = SnapParameterReader.read(params);
        if (coeff != null) return checkedCutoffs(ModelDescription.snap(p, SnapCoefficientReader.read(coeff, p)), params);
        return checkedCutoffs(ModelDescription.singleElement(params.toString(), p, SnapCoefficientReader.PLAIN_RADIUS,
                SnapCoefficientReader.PLAIN_WEIGHT, 0.0, new double[p.descriptorCount()]), params);
    }

    /**
     * rmin0 against the element radii is a property of the two files together: checked here, where
     * the file it comes from is known, rather than when the bispectrum is built later.
     */
    private static ModelDescription checkedCutoffs(ModelDescription d, Path where) {
        try {
            SnapBispectrum.checkCutoffs(d.snap(), d.radii());
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
        return d;
    }
}
