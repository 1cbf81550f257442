package dev.overpaint.pipeline;

/**
 * What the joint blend averages over the overlaps at every step.
 *
 * <ul>
 *   <li>MULTIDIFFUSION: each tile takes its own DDIM step and the canvas becomes the weighted
 *       average of the tiles' x_{t−1} (Bar-Tal et al. 2023, eq. 5).
 *   <li>MIXTURE: the tiles' ε̂ are averaged with Gaussian weights into a canvas ε̂, then one DDIM
 *       step is taken on the whole canvas (Jiménez 2023, Mixture of Diffusers).
 * </ul>
 */
public enum FusionRule {
  MULTIDIFFUSION,
  MIXTURE
}
