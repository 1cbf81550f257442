package dev.overpaint.web;

import dev.overpaint.diffusion.Ddim;
import dev.overpaint.errors.AppException;
import dev.overpaint.pipeline.Blend;
import dev.overpaint.pipeline.JobParams;
import java.security.SecureRandom;

/** The body of POST /api/jobs; absent fields take the documented defaults. */
public record JobRequest(
    String prompt,
    Long seed,
    Integer steps,
    Double skip,
    Double guidance,
    Integer grid,
    String blend) {

  /** T of the built-in schedule; a denoiser with another T is checked again when its job runs. */
  static final int DIFFUSION_STEPS = 1000;

  private static final SecureRandom SEEDS = new SecureRandom();

  /** Validates every field and fills in defaults; the first invalid field is reported. */
  public JobParams toParams() {
    String p = prompt;
    if (p == null || p.isBlank()) {
      throw AppException.invalid("prompt", "prompt is required");
    }
    if (p.codePointCount(0, p.length()) > JobParams.MAX_PROMPT) {
      throw AppException.invalid(
          "prompt", "prompt must be at most " + JobParams.MAX_PROMPT + " characters");
    }
    long s = seed == null ? SEEDS.nextLong(JobParams.MAX_SEED + 1) : seed;
    if (s < 0 || s > JobParams.MAX_SEED) {
      throw AppException.invalid("seed", "seed must be between 0 and 2^53");
    }
    int n = steps == null ? JobParams.DEFAULT_STEPS : steps;
    if (n < 1 || n > JobParams.MAX_STEPS) {
      throw AppException.invalid("steps", "steps must be between 1 and " + JobParams.MAX_STEPS);
    }
    double k = skip == null ? JobParams.DEFAULT_SKIP : skip;
    if (!(k >= 0 && k < 1)) {
      throw AppException.invalid("skip", "skip must satisfy 0 <= skip < 1");
    }
    double g = guidance == null ? JobParams.DEFAULT_GUIDANCE : guidance;
    if (!(g >= 0) || Double.isInfinite(g)) {
      throw AppException.invalid("guidance", "guidance must be a finite number >= 0");
    }
    int gr = grid == null ? JobParams.DEFAULT_GRID : grid;
    if (gr < 1 || gr > JobParams.MAX_GRID) {
      throw AppException.invalid("grid", "grid must be between 1 and " + JobParams.MAX_GRID);
    }
    Blend b = parseBlend();
    int left = Ddim.startStep(DIFFUSION_STEPS, k) + 1;
    if (n > left) {
      throw AppException.invalid(
          "steps", "skip " + k + " leaves " + left + " timesteps, fewer than steps " + n);
    }
    return new JobParams(p, s, n, k, g, gr, b);
  }

  private Blend parseBlend() {
    if (blend == null) {
      return JobParams.DEFAULT_BLEND;
    }
    try {
      return Blend.parse(blend);
    } catch (IllegalArgumentException e) {
      throw AppException.invalid("blend", e.getMessage());
    }
  }
}
