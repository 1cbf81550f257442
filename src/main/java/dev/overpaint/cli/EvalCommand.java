package dev.overpaint.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.overpaint.models.BuiltinWeights;
import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.ModelSource;
import dev.overpaint.train.Evaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code eval [--models-dir DIR] [--gan-samples N] [--unet-samples N] [--out target/eval.json]}:
 * measures a weight set (the built-in one by default), prints the table the issue asks for and
 * writes the JSON with, beside it, the first 64 GAN and UNet samples as grids ({@code
 * eval-gan-samples.png}, {@code eval-unet-samples.png} for the default name).
 */
final class EvalCommand {

  private static final Set<String> OPTIONS =
      Set.of(
          "models-dir",
          "gan-samples",
          "unet-samples",
          "ddim-steps",
          "ddim-eta",
          "seed",
          "out",
          "help");

  private EvalCommand() {}

  static int run(String[] args) throws IOException {
    Options o = Options.parse(args, OPTIONS, Set.of("help"));
    if (o.has("help")) {
      System.out.println(
          "usage: overpaint eval [--models-dir DIR] [--gan-samples 1000] [--unet-samples 200]"
              + " [--ddim-steps 50] [--ddim-eta 0] [--seed 1] [--out target/eval.json]");
      return 0;
    }
    Evaluation.Settings settings = settings(o);
    ModelSource source = o.modelSource();
    Path initialDir = Files.createTempDirectory("overpaint-initial");
    BuiltinWeights.writeInitialised(initialDir, 1234);
    Path out = GenerateCommand.resolve(o.get("out", "target/eval.json"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Path gridPrefix =
        out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + "-");
    Map<String, Object> result;
    try (ModelSet models = ModelRegistry.load(source, DeviceChoice.AUTO);
        ModelSet initial =
            ModelRegistry.load(ModelSource.directory(initialDir), DeviceChoice.AUTO)) {
      result = new Evaluation(settings, System.err, gridPrefix).run(models, initial);
    }
    JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build()
        .writeValue(out.toFile(), result);
    printTable(result);
    System.out.println(out);
    return 0;
  }

  private static Evaluation.Settings settings(Options o) {
    Evaluation.Settings d = Evaluation.Settings.DEFAULTS;
    try {
      return new Evaluation.Settings(
          o.getInt("gan-samples") == null ? d.ganSamples() : o.getInt("gan-samples"),
          o.getInt("unet-samples") == null ? d.unetSamples() : o.getInt("unet-samples"),
          o.getInt("ddim-steps") == null ? d.ddimSteps() : o.getInt("ddim-steps"),
          o.getDouble("ddim-eta") == null ? d.ddimEta() : o.getDouble("ddim-eta"),
          o.getLong("seed") == null ? d.seed() : o.getLong("seed"));
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static void printTable(Map<String, Object> r) {
    Map<String, Object> clip = (Map<String, Object>) r.get("clip");
    Map<String, Object> judge = (Map<String, Object>) r.get("judge");
    Map<String, Object> gan = (Map<String, Object>) r.get("gan");
    Map<String, Object> unet = (Map<String, Object>) r.get("unet");
    System.out.printf("%-18s %12s   %s%n", "metric", "value", "target");
    row("clip.top1", clip.get("top1"), ">= 0.5 (chance 0.01)");
    row("judge.top1", judge.get("top1"), ">= 0.4");
    row("gan.fd", gan.get("fd"), "<= 0.25 x gan.fd_untrained");
    row("gan.fd_untrained", gan.get("fd_untrained"), "");
    row("gan.fd_ratio", gan.get("fd_ratio"), "<= 0.25");
    row("unet.fd", unet.get("fd"), "<= 0.25 x unet.fd_noise");
    row("unet.fd_noise", unet.get("fd_noise"), "");
    row("unet.fd_ratio", unet.get("fd_ratio"), "<= 0.25");
    row("gan.blueprints", gan.get("blueprint_share"), "real " + gan.get("blueprint_share_real"));
    row("unet.blueprints", unet.get("blueprint_share"), "real " + unet.get("blueprint_share_real"));
    System.out.printf("%-18s %s%n", "unet.mse_by_t", unet.get("mse_by_t"));
    for (var e :
        Map.of("encoder", clip, "judge", judge, "generator", gan, "denoiser", unet).entrySet()) {
      System.out.printf(
          "%-10s %,d parameters, training %s%n",
          e.getKey(), e.getValue().get("parameters"), e.getValue().get("training"));
    }
  }

  private static void row(String name, Object value, String target) {
    System.out.printf("%-18s %12.4f   %s%n", name, ((Number) value).doubleValue(), target);
  }
}
