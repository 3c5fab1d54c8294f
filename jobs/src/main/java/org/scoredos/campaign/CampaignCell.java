package org.scoredos.campaign;

import java.io.Serializable;

/**
 * One isosurface cell: the grid value {@code tau} on the reference cell of phase {@code phase}
 * (one phase per strain). {@code index} is the cell's id for the life of its output: a fresh
 * output numbers cells strain-major, τ ascending; cells added later get the next free ids.
 * {@code stream} names the random streams of its samples: the lowest id at the same τ (the first
 * strain's cell of a fresh output; strains added later keep it), so sample i at that τ draws the
 * same numbers at every strain (common random
 * numbers: the per-volume errors of F are then correlated and A(V)'s slope, the pressure, is far
 * less noisy than the per-volume F).
 */
public record CampaignCell(int index, int phase, double strain, double tau, int stream) implements Serializable {
    /** A cell that draws its own streams (one strain, or the first strain's cells). */
    public CampaignCell(int index, int phase, double strain, double tau) {
        this(index, phase, strain, tau, index);
    }
}
