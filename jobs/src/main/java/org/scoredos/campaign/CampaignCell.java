package org.scoredos.campaign;

import java.io.Serializable;

/**
 * One isosurface cell: the {@code tau}-th grid value on the reference cell of phase
 * {@code phase} (one phase per strain). {@code index} numbers cells strain-major.
 */
public record CampaignCell(int index, int phase, double strain, double tau) implements Serializable {}
