package dev.overpaint.pipeline;

/**
 * Where a run spent its time and how well its tiles agreed: measurements, not parameters, so they
 * stay out of the provenance.
 *
 * @param overlapDisagreement mean |x̂0_a − x̂0_b| of neighbouring tiles in their overlaps at the
 *     last step, before fusion, in [0, 1] image units
 */
public record Diagnostics(
    int steps,
    long denoiseNanos,
    long guidanceNanos,
    long fusionNanos,
    double overlapDisagreement) {}
