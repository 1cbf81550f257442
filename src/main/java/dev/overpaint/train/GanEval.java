package dev.overpaint.train;

import dev.overpaint.models.BuiltinWeights;
import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.ModelSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a trained generator by {@link PixelFrechet} against untrained baselines and records the
 * numbers in the candidate's manifest entry.
 *
 * <p>Usage: {@code GanEval <candidate-models-dir> <untrained-same-architecture-dir> [n=1000]}; the
 * committed built-in generator is the third baseline.
 */
public final class GanEval {

  private GanEval() {}

  public static void main(String[] args) throws Exception {
    Path candidate = Path.of(args[0]);
    Path untrained = Path.of(args[1]);
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    double trained = score(ModelSource.directory(candidate), n);
    double init = score(ModelSource.directory(untrained), n);
    double committed = score(ModelSource.builtin(), n);
    Map<String, Object> eval = new LinkedHashMap<>();
    eval.put("pixelFd8", round(trained));
    eval.put("pixelFd8_untrainedSameArchitecture", round(init));
    eval.put("pixelFd8_committedBuiltin", round(committed));
    eval.put(
        "metric",
        "Frechet distance of 8x8 RGB thumbnails (192 features): "
            + n
            + " G_ema samples (psi 1) vs "
            + n
            + " held-out renders; a proxy while no judge model exists (gan.fd not measured)");
    BuiltinWeights.recordEval(candidate, "generator", eval);
    System.out.printf(
        Locale.ROOT,
        "pixelFd8: trained %.4f | untrained (same architecture) %.4f | committed built-in %.4f%n",
        trained,
        init,
        committed);
  }

  private static double score(ModelSource source, int n) {
    try (ModelSet set = ModelRegistry.load(source, DeviceChoice.CPU)) {
      return PixelFrechet.of(set.generator(), n, 1, 1f);
    }
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
