package org.scoredos.sample;

import java.io.Serializable;
import org.scoredos.harmonic.HarmonicReference;
import org.scoredos.potential.Potential;
import org.scoredos.summary.Conditioning;
import org.scoredos.summary.ReferenceConstants;

/**
 * A kind of campaign sampler, known by its config name ({@link SamplerKinds}): what labels its
 * cells, the constants the estimator needs for its shells, and the sampler itself. Each
 * sampler class declares its kind, so a new sampler is one class and one registration.
 */
public interface SamplerKind extends Serializable {

    /** The name campaign configs give: "hessian", "einstein", "kinetic". */
    String key();

    /** What labels the cells this sampler fills. */
    Conditioning conditioning();

    /** Whether it runs dynamics (and so reads the MD settings). */
    default boolean runsDynamics() {
        return false;
    }

    /** The phase constants of its shells about {@code reference}, D_0 the lattice's descriptor. */
    default ReferenceConstants constants(HarmonicReference reference, double[] d0) {
        return reference.constants(d0);
    }

    /** The α a cell of isosurface label τ is stored with (NaN where samples have no α of their own). */
    default double alpha(ReferenceConstants constants, double tau) {
        return constants.alphaOfTau(tau);
    }

    /**
     * The sampler about {@code reference}.
     *
     * @param potential the reference potential (for samplers that run dynamics)
     * @param md        the MD settings (for samplers that run dynamics), else ignored
     */
    IsosurfaceSampler sampler(HarmonicReference reference, Potential potential, Dynamics md);

    /**
     * The MD settings of samplers that run dynamics.
     *
     * @param timestep      ps
     * @param stride        steps between snapshots
     * @param equilibration steps before the first snapshot's stride
     */
    record Dynamics(double timestep, int stride, int equilibration) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
