package dev.overpaint.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.ModelSource;
import dev.overpaint.models.Tensor;
import dev.overpaint.models.TextImageEncoder;
import dev.overpaint.pipeline.Blend;
import dev.overpaint.pipeline.FusionRule;
import dev.overpaint.pipeline.Images;
import dev.overpaint.pipeline.JobParams;
import dev.overpaint.pipeline.Pipeline;
import dev.overpaint.pipeline.PipelineListener;
import dev.overpaint.pipeline.PipelineResult;
import dev.overpaint.pipeline.PipelineSettings;
import dev.overpaint.quality.Pictures;
import dev.overpaint.quality.Seams;
import dev.overpaint.quality.Ssim;
import dev.overpaint.tiles.TileGeometry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * {@code quality}: a fixed panel of seeds × prompts run in every blend mode, guided and unguided,
 * measured for seams, tile agreement, prompt score (by the judge, never the guiding CLIP),
 * structure kept and time. Writes target/quality.json and docs/QUALITY.md with picture strips.
 */
final class QualityCommand {

  static final List<String> PROMPTS =
      List.of(
          "a blueprint of a domed tower",
          "an ink elevation of a temple front with columns",
          "a sepia plan of a hall with stairs",
          "a coloured wash of a house with a gabled roof",
          "an ink drawing of an arcade with arched windows");

  /** A blend mode of the panel; the joint blend is run with both fusion rules. */
  private record Mode(String label, Blend blend, FusionRule fusion) {}

  private static final List<Mode> MODES =
      List.of(
          new Mode("none", Blend.NONE, FusionRule.MULTIDIFFUSION),
          new Mode("feather", Blend.FEATHER, FusionRule.MULTIDIFFUSION),
          new Mode("joint-multidiffusion", Blend.JOINT, FusionRule.MULTIDIFFUSION),
          new Mode("joint-mixture", Blend.JOINT, FusionRule.MIXTURE));

  private record Run(
      String mode,
      boolean guided,
      long seed,
      int prompt,
      double seamRatio,
      double disagreement,
      double promptScore,
      double structureKept,
      double seconds) {}

  private static final Set<String> OPTIONS =
      Set.of(
          "seeds", "prompts", "steps", "guidance", "modes", "models-dir", "out", "report", "help");

  private QualityCommand() {}

  /** The panel's modes by label, all of them when none are named. */
  private static List<Mode> modes(String labels) {
    if (labels.isBlank()) {
      return MODES;
    }
    List<Mode> chosen = new ArrayList<>();
    for (String label : labels.split(",")) {
      chosen.add(
          MODES.stream()
              .filter(m -> m.label().equals(label.strip()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown mode '"
                              + label
                              + "'; the modes are none, feather,"
                              + " joint-multidiffusion and joint-mixture")));
    }
    return chosen;
  }

  static int run(String[] args) throws IOException {
    Options o = Options.parse(args, OPTIONS, Set.of("help"));
    if (o.has("help")) {
      System.out.println(
          "usage: overpaint quality [--seeds 20] [--prompts 5] [--steps 20] [--guidance 1000]"
              + " [--modes none,feather,joint-multidiffusion,joint-mixture]"
              + " [--models-dir DIR] [--out target/quality.json] [--report docs/QUALITY.md]");
      return 0;
    }
    int seeds = o.getInt("seeds") == null ? 20 : o.getInt("seeds");
    int prompts = Math.min(PROMPTS.size(), o.getInt("prompts") == null ? 5 : o.getInt("prompts"));
    int steps = o.getInt("steps") == null ? JobParams.DEFAULT_STEPS : o.getInt("steps");
    double guidance = o.getDouble("guidance") == null ? 1000 : o.getDouble("guidance");
    List<Mode> modes = modes(o.get("modes", ""));
    ModelSource source = o.modelSource();
    try (ModelSet models = ModelRegistry.load(source, DeviceChoice.AUTO)) {
      TextImageEncoder judge = dev.overpaint.train.Evaluation.judgeOf(models);
      List<Run> runs = new ArrayList<>();
      Map<String, List<BufferedImage>> strips = new LinkedHashMap<>();
      int total = seeds * prompts * modes.size() * 2;
      for (Mode mode : modes) {
        Pipeline pipeline =
            new Pipeline(
                models.generator(),
                models.denoiser(),
                models.encoder(),
                PipelineSettings.DEFAULTS.withFusion(mode.fusion()),
                "quality");
        for (long seed = 0; seed < seeds; seed++) {
          for (int p = 0; p < prompts; p++) {
            for (boolean guided : new boolean[] {false, true}) {
              JobParams params =
                  new JobParams(
                      PROMPTS.get(p),
                      seed,
                      steps,
                      JobParams.DEFAULT_SKIP,
                      guided ? guidance : 0,
                      JobParams.DEFAULT_GRID,
                      mode.blend());
              long t0 = System.nanoTime();
              PipelineResult r = pipeline.run(params, PipelineListener.NONE, () -> false);
              double seconds = (System.nanoTime() - t0) / 1e9;
              runs.add(
                  measure(
                      mode, guided, params, r, pipeline.geometry(params.grid()), judge, seconds));
              if (guided && p == 0 && seed < 3) {
                strips
                    .computeIfAbsent("seed " + seed, k -> new ArrayList<>(List.of(r.base())))
                    .add(r.image());
              }
              Run last = runs.get(runs.size() - 1);
              System.err.printf(
                  "[%d/%d] %s %s seed %d prompt %d: %.1fs, seam %.3f, score %.4f, ssim %.3f%n",
                  runs.size(),
                  total,
                  mode.label(),
                  guided ? "guided" : "unguided",
                  seed,
                  p,
                  seconds,
                  last.seamRatio(),
                  last.promptScore(),
                  last.structureKept());
            }
          }
        }
      }
      Map<String, Object> report = report(runs, seeds, prompts, steps, guidance, models);
      Path out = GenerateCommand.resolve(o.get("out", "target/quality.json"));
      Files.createDirectories(out.toAbsolutePath().getParent());
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build()
          .writeValue(out.toFile(), report);
      Path md = GenerateCommand.resolve(o.get("report", "docs/QUALITY.md"));
      writeMarkdown(md, report, strips);
      System.out.println(out);
      System.out.println(md);
    }
    return 0;
  }

  private static Run measure(
      Mode mode,
      boolean guided,
      JobParams params,
      PipelineResult r,
      TileGeometry g,
      TextImageEncoder judge,
      double seconds) {
    BufferedImage image = r.image();
    int w = image.getWidth() / 8;
    int h = image.getHeight() / 8;
    double ssim = Ssim.of(Pictures.resize(image, w, h), Pictures.resize(r.base(), w, h));
    return new Run(
        mode.label(),
        guided,
        params.seed(),
        PROMPTS.indexOf(params.prompt()),
        Seams.ratio(image, g),
        r.diagnostics().overlapDisagreement(),
        promptScore(judge, image, params.prompt()),
        ssim,
        seconds);
  }

  /** Cosine between the judge's embeddings of the picture and of the prompt. */
  static double promptScore(TextImageEncoder judge, BufferedImage image, String prompt) {
    float[] chw = Images.fromRgb(image);
    float[] e =
        judge
            .encodeImages(new Tensor(new int[] {1, 3, image.getHeight(), image.getWidth()}, chw))
            .data();
    float[] t = judge.encodeText(prompt);
    double dot = 0;
    for (int i = 0; i < t.length; i++) {
      dot += e[i] * t[i];
    }
    return dot;
  }

  private static Map<String, Object> report(
      List<Run> runs, int seeds, int prompts, int steps, double guidance, ModelSet models) {
    Map<String, Object> modes = new LinkedHashMap<>();
    Map<String, Object> wins = new LinkedHashMap<>();
    for (Mode mode : MODES) {
      if (runs.stream().noneMatch(r -> r.mode.equals(mode.label()))) {
        continue;
      }
      Map<String, Object> byGuidance = new LinkedHashMap<>();
      for (boolean guided : new boolean[] {false, true}) {
        List<Run> rs =
            runs.stream().filter(r -> r.mode.equals(mode.label()) && r.guided == guided).toList();
        byGuidance.put(guided ? "guided" : "unguided", summary(rs));
      }
      modes.put(mode.label(), byGuidance);
      wins.put(mode.label(), guidedWinRate(runs, mode.label()));
    }
    Map<String, Object> panel = new LinkedHashMap<>();
    panel.put("seeds", seeds);
    panel.put("prompts", PROMPTS.subList(0, prompts));
    panel.put("steps", steps);
    panel.put("skip", JobParams.DEFAULT_SKIP);
    panel.put("guidance", guidance);
    panel.put("grid", JobParams.DEFAULT_GRID);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("panel", panel);
    report.put("modes", modes);
    report.put("guidedBeatsUnguided", wins);
    report.put("runs", runs);
    report.put(
        "models",
        models.infos().stream().map(i -> i.role() + " " + i.name() + " " + i.sha256()).toList());
    return report;
  }

  private static Map<String, Object> summary(List<Run> rs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runs", rs.size());
    m.put("seamRatio", mean(rs, Run::seamRatio));
    m.put("overlapDisagreement", mean(rs, Run::disagreement));
    m.put("promptScore", mean(rs, Run::promptScore));
    m.put("structureKept", mean(rs, Run::structureKept));
    m.put("secondsPerJob", mean(rs, Run::seconds));
    return m;
  }

  /** Share of (seed, prompt) pairs where the guided run scores higher with the judge. */
  private static double guidedWinRate(List<Run> runs, String mode) {
    int pairs = 0;
    int won = 0;
    for (Run g : runs) {
      if (!g.mode.equals(mode) || !g.guided) {
        continue;
      }
      for (Run u : runs) {
        if (u.mode.equals(mode) && !u.guided && u.seed == g.seed && u.prompt == g.prompt) {
          pairs++;
          won += g.promptScore > u.promptScore ? 1 : 0;
        }
      }
    }
    return pairs == 0 ? 0 : (double) won / pairs;
  }

  private static double mean(List<Run> rs, java.util.function.ToDoubleFunction<Run> f) {
    return rs.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  @SuppressWarnings("unchecked")
  private static void writeMarkdown(
      Path md, Map<String, Object> report, Map<String, List<BufferedImage>> strips)
      throws IOException {
    Path dir = md.toAbsolutePath().getParent();
    Files.createDirectories(dir.resolve("quality"));
    StringBuilder s = new StringBuilder("# Quality panel\n\n");
    s.append("Written by `./overpaint quality` (").append(report.get("panel")).append(").\n\n");
    s.append(
        "| mode | guidance | seam ratio | overlap disagreement | prompt score (judge) | structure kept (SSIM) | s/job |\n");
    s.append("|---|---|---|---|---|---|---|\n");
    Map<String, Object> modes = (Map<String, Object>) report.get("modes");
    modes.forEach(
        (mode, v) ->
            ((Map<String, Object>) v)
                .forEach(
                    (guided, m) -> {
                      Map<String, Object> x = (Map<String, Object>) m;
                      s.append(
                          String.format(
                              Locale.ROOT,
                              "| %s | %s | %.3f | %.4f | %.4f | %.3f | %.1f |%n",
                              mode,
                              guided,
                              x.get("seamRatio"),
                              x.get("overlapDisagreement"),
                              x.get("promptScore"),
                              x.get("structureKept"),
                              x.get("secondsPerJob")));
                    }));
    s.append("\nGuided beats unguided on the judge's prompt score: ")
        .append(report.get("guidedBeatsUnguided"))
        .append(
            "\n\n## Strips (GAN base | none | feather | joint-multidiffusion | joint-mixture, guided, first prompt)\n\n");
    for (var e : strips.entrySet()) {
      String name = "strip-" + e.getKey().replace(' ', '-') + ".png";
      ImageIO.write(
          Pictures.strip(e.getValue(), 208), "png", dir.resolve("quality").resolve(name).toFile());
      s.append("![").append(e.getKey()).append("](quality/").append(name).append(")\n\n");
    }
    Files.writeString(md, s.toString());
  }
}
