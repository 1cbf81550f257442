package dev.overpaint.web;

import dev.overpaint.diffusion.Ddim;
import dev.overpaint.diffusion.GuidanceSettings;
import dev.overpaint.errors.AppException;
import dev.overpaint.pipeline.Blend;
import dev.overpaint.pipeline.JobParams;
import java.security.SecureRandom;

/**
 * The body of POST /api/jobs; absent fields take the documented defaults. Besides the contract's
 * fields it takes every guidance scale (Disco Diffusion's names).
 */
public record JobRequest(
    String prompt,
    Long seed,
    Integer steps,
    Double skip,
    Double guidance,
    Integer grid,
    String blend,
    Integer cutn,
    Double cutPow,
    Double canvasShare,
    Double tvScale,
    Double rangeScale,
    Double initScale,
    Double clampMax) {

  /** T of the built-in schedule; a denoiser with another T is checked again when its job runs. */
  static final int DIFFUSION_STEPS = 1000;

  private static final SecureRandom SEEDS = new SecureRandom();

  /** The contract's fields only, with the guidance scales at their defaults. */
  public JobRequest(
      String prompt,
      Long seed,
      Integer steps,
      Double skip,
      Double guidance,
      Integer grid,
      String blend) {
    this(
        prompt, seed, steps, skip, guidance, grid, blend, null, null, null, null, null, null, null);
  }

  /** Validates every field and fills in defaults; the first invalid field is reported. */
  public JobParams toParams() {
    String p = validPrompt();
    long s = seed == null ? SEEDS.nextLong(JobParams.MAX_SEED + 1) : seed;
    check("seed", s >= 0 && s <= JobParams.MAX_SEED, "seed must be between 0 and 2^53");
    int n = between("steps", steps, JobParams.DEFAULT_STEPS, 1, JobParams.MAX_STEPS);
    double k = or(skip, JobParams.DEFAULT_SKIP);
    check("skip", k >= 0 && k < 1, "skip must satisfy 0 <= skip < 1");
    int gr = between("grid", grid, JobParams.DEFAULT_GRID, 1, JobParams.MAX_GRID);
    Blend b = parseBlend();
    int left = Ddim.startStep(DIFFUSION_STEPS, k) + 1;
    check(
        "steps", n <= left, "skip " + k + " leaves " + left + " timesteps, fewer than steps " + n);
    return new JobParams(p, s, n, k, gr, b, guidanceSettings());
  }

  private String validPrompt() {
    check("prompt", prompt != null && !prompt.isBlank(), "prompt is required");
    check(
        "prompt",
        prompt.codePointCount(0, prompt.length()) <= JobParams.MAX_PROMPT,
        "prompt must be at most " + JobParams.MAX_PROMPT + " characters");
    return prompt;
  }

  private GuidanceSettings guidanceSettings() {
    GuidanceSettings d = GuidanceSettings.withClipScale(or(guidance, JobParams.DEFAULT_GUIDANCE));
    return new GuidanceSettings(
        atLeast("guidance", guidance, d.clipScale(), 0),
        between("cutn", cutn, d.cutn(), 1, 16),
        range("cutPow", cutPow, d.cutPow(), 0.1, 10),
        range("canvasShare", canvasShare, d.canvasShare(), 0, 1),
        atLeast("tvScale", tvScale, d.tvScale(), 0),
        atLeast("rangeScale", rangeScale, d.rangeScale(), 0),
        atLeast("initScale", initScale, d.initScale(), 0),
        range("clampMax", clampMax, d.clampRms(), 1e-6, 10));
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

  private static int between(String field, Integer value, int fallback, int min, int max) {
    int v = value == null ? fallback : value;
    check(field, v >= min && v <= max, field + " must be between " + min + " and " + max);
    return v;
  }

  private static double range(String field, Double value, double fallback, double min, double max) {
    double v = or(value, fallback);
    check(field, v >= min && v <= max, field + " must be between " + min + " and " + max);
    return v;
  }

  private static double atLeast(String field, Double value, double fallback, double min) {
    double v = or(value, fallback);
    check(field, v >= min && Double.isFinite(v), field + " must be a finite number >= " + min);
    return v;
  }

  private static double or(Double value, double fallback) {
    return value == null ? fallback : value;
  }

  private static void check(String field, boolean ok, String detail) {
    if (!ok) {
      throw AppException.invalid(field, detail);
    }
  }
}
