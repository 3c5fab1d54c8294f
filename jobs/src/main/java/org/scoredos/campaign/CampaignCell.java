package org.scoredos.campaign;

import java.io.Serializable;

/**
 * One isosurface cell: the grid value {@code tau} on the reference cell of phase {@code phase}
 * (one phase per strain). {@code index} is the cell's id for the life of its output: a fresh
 * output numbers cells strain-major, τ ascending; cells added later get the next free ids.
 */
public record CampaignCell(int index, int phase, double strain, double tau) implements Serializable {}
