package org.scoredos.estimate;

/**
 * Where the error bar on F comes from. The calibrated model reports its two parts separately
 * ({@link FreeEnergy#statisticalError()}, {@link FreeEnergy#systematicError()}) and their
 * quadrature sum as the error; the reference model does not split its bar (both parts NaN).
 */
public enum ErrorModel {
    /** The reference's S ± δS bands, every component shifted the same way at once. */
    REFERENCE,
    /** Statistical (multinomial sampling of the histograms) ⊕ systematic (score order p ± 1). */
    CALIBRATED
}
