package org.scoredos.estimate;

/**
 * Where the error bar on F comes from. The calibrated model corrects F for the covariance its
 * fixed frames leave off the diagonal ({@link FrameCorrection}), reports the statistical part as
 * the error bar and the systematic part (score order) beside it
 * ({@link FreeEnergy#statisticalError()}, {@link FreeEnergy#systematicError()}); the reference
 * model keeps the reference's F and does not split its bar (both parts NaN).
 */
public enum ErrorModel {
    /** The reference's S ± δS bands, every component shifted the same way at once. */
    REFERENCE,
    /**
     * F with the frame term; error = statistical (multinomial sampling of the histograms ⊕ the frame
     * term's sampling noise); systematic (half the range of F over score orders p − 1, p, p + 1) reported beside it.
     */
    CALIBRATED
}
