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
import dev.overpaint.tiles.Resample;
import dev.overpaint.tiles.TileGeometry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

  /** The tile layout every mode is measured against: the default job's. */
  private static final TileGeometry MEASURED =
      TileGeometry.square(
          JobParams.DEFAULT_GRID,
          PipelineSettings.DEFAULTS.tileSize(),
          PipelineSettings.DEFAULTS.overlap());

  /** The joint-jitter mode's shift, in pixels: the inner overlaps stay at least 8 px wide. */
  private static final int JITTER = 4;

  /**
   * A blend mode of the panel; the joint blend is run with both fusion rules, and with jitter.
   * {@code untiled} is the reference, not a blend: the same canvas and start noise denoised as one
   * picture, so its seam ratio is what the metric gives where there are no borders at all.
   */
  private record Mode(String label, Blend blend, FusionRule fusion, boolean tiled, int jitter) {

    PipelineSettings settings() {
      PipelineSettings d = PipelineSettings.DEFAULTS.withFusion(fusion).withJitter(jitter);
      return tiled
          ? d
          : new PipelineSettings(
              MEASURED.width(), 0, d.eta(), d.window(), d.truncationPsi(), d.fusion(), 0);
    }

    int grid() {
      return tiled ? JobParams.DEFAULT_GRID : 1;
    }
  }

  private static final List<Mode> MODES =
      List.of(
          new Mode("none", Blend.NONE, FusionRule.MULTIDIFFUSION, true, 0),
          new Mode("feather", Blend.FEATHER, FusionRule.MULTIDIFFUSION, true, 0),
          new Mode("joint-multidiffusion", Blend.JOINT, FusionRule.MULTIDIFFUSION, true, 0),
          new Mode("joint-mixture", Blend.JOINT, FusionRule.MIXTURE, true, 0),
          new Mode("joint-jitter", Blend.JOINT, FusionRule.MULTIDIFFUSION, true, JITTER),
          new Mode("untiled", Blend.JOINT, FusionRule.MULTIDIFFUSION, false, 0));

  private record Run(
      String mode,
      boolean guided,
      long seed,
      int prompt,
      double seamRatio,
      double baseSeamRatio,
      double disagreement,
      double promptScore,
      double structureKept,
      double seconds) {}

  /** One pipeline run and its wall time. */
  private record Job(PipelineResult result, double seconds) {
    static Job run(Pipeline pipeline, JobParams params) {
      long t0 = System.nanoTime();
      PipelineResult r = pipeline.run(params, PipelineListener.NONE, () -> false);
      return new Job(r, (System.nanoTime() - t0) / 1e9);
    }
  }

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
                      new UsageException(
                          "unknown mode '"
                              + label
                              + "'; the modes are none, feather,"
                              + " joint-multidiffusion, joint-mixture, joint-jitter and untiled")));
    }
    return chosen;
  }

  static int run(String[] args) throws IOException {
    Options o = Options.parse(args, OPTIONS, Set.of("help"));
    if (o.has("help")) {
      System.out.println(
          ("usage: overpaint quality [--seeds 20] [--prompts 5] [--steps %d] [--guidance %.0f]"
                  .formatted(JobParams.DEFAULT_STEPS, JobParams.DEFAULT_GUIDANCE))
              + " [--modes none,feather,joint-multidiffusion,joint-mixture,joint-jitter,untiled]"
              + " [--models-dir DIR] [--out target/quality.json] [--report docs/QUALITY.md]");
      return 0;
    }
    int seeds = o.getInt("seeds") == null ? 20 : o.getInt("seeds");
    int prompts = Math.min(PROMPTS.size(), o.getInt("prompts") == null ? 5 : o.getInt("prompts"));
    int steps = o.getInt("steps") == null ? JobParams.DEFAULT_STEPS : o.getInt("steps");
    double guidance =
        o.getDouble("guidance") == null ? JobParams.DEFAULT_GUIDANCE : o.getDouble("guidance");
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
                mode.settings(),
                "quality");
        for (long seed = 0; seed < seeds; seed++) {
          // An unguided picture does not depend on the prompt (the GAN is unconditional and
          // nothing else reads it), so it is made once per seed and scored against each prompt.
          Job unguided = Job.run(pipeline, params(mode, 0, seed, steps, 0));
          if (seed == 0 && prompts > 1) {
            checkPromptFree(unguided, Job.run(pipeline, params(mode, 1, seed, steps, 0)));
          }
          for (int p = 0; p < prompts; p++) {
            for (boolean guided : new boolean[] {false, true}) {
              JobParams params = params(mode, p, seed, steps, guided ? guidance : 0);
              Job job = guided ? Job.run(pipeline, params) : unguided;
              PipelineResult r = job.result();
              runs.add(measure(mode, guided, params, r, MEASURED, judge, job.seconds()));
              if (guided && p == 0 && seed < 3) {
                strips
                    .computeIfAbsent("seed " + seed, k -> new ArrayList<>(List.of(r.base())))
                    .add(r.image());
              }
              Run last = runs.get(runs.size() - 1);
              System.err.printf(
                  "[%d/%d] %s %s seed %d prompt %d: %.1fs, seam %.3f (base %.3f), score %.4f,"
                      + " ssim %.3f%n",
                  runs.size(),
                  total,
                  mode.label(),
                  guided ? "guided" : "unguided",
                  seed,
                  p,
                  job.seconds(),
                  last.seamRatio(),
                  last.baseSeamRatio(),
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

  private static JobParams params(Mode mode, int prompt, long seed, int steps, double guidance) {
    return new JobParams(
        PROMPTS.get(prompt),
        seed,
        steps,
        JobParams.DEFAULT_SKIP,
        guidance,
        mode.grid(),
        mode.blend());
  }

  /** The reuse of unguided pictures rests on this; one re-run per mode checks it. */
  private static void checkPromptFree(Job first, Job again) {
    if (!Arrays.equals(
        Images.fromRgb(first.result().image()), Images.fromRgb(again.result().image()))) {
      throw new IllegalStateException(
          "an unguided picture changed with the prompt; it cannot be reused across prompts");
    }
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
        Seams.ratio(untiled(r.base(), g), g),
        r.diagnostics().overlapDisagreement(),
        promptScore(judge, image, params.prompt()),
        ssim,
        seconds);
  }

  /** The GAN base upscaled to the canvas as the pipeline does it, never cut into tiles. */
  private static BufferedImage untiled(BufferedImage base, TileGeometry g) {
    float[] up =
        Resample.bilinear(
            Images.fromRgb(base), 3, base.getHeight(), base.getWidth(), g.height(), g.width());
    return Images.toRgb(up, 0, g.height(), g.width());
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
    panel.put(
        "unguided",
        "one picture per mode and seed, scored against every prompt (checked pixel for pixel"
            + " against a re-run with the second prompt at seed 0)");
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
    m.put("seamRatioMedian", median(rs, Run::seamRatio));
    m.put("baseSeamRatio", mean(rs, Run::baseSeamRatio));
    m.put("seamRatioOverBase", mean(rs, x -> x.seamRatio() / x.baseSeamRatio()));
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

  private static double median(List<Run> rs, java.util.function.ToDoubleFunction<Run> f) {
    double[] v = rs.stream().mapToDouble(f).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
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
        "| mode | guidance | seam ratio | seam ratio (median) | untiled base's seam ratio | seam ratio ÷ base's | overlap disagreement | prompt score (judge) | structure kept (SSIM) | s/job |\n");
    s.append("|---|---|---|---|---|---|---|---|---|---|\n");
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
                              "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.4f | %.4f | %.3f | %.1f |%n",
                              mode,
                              guided,
                              x.get("seamRatio"),
                              x.get("seamRatioMedian"),
                              x.get("baseSeamRatio"),
                              x.get("seamRatioOverBase"),
                              x.get("overlapDisagreement"),
                              x.get("promptScore"),
                              x.get("structureKept"),
                              x.get("secondsPerJob")));
                    }));
    s.append("\nGuided beats unguided on the judge's prompt score: ")
        .append(report.get("guidedBeatsUnguided"))
        .append(
            "\n\n## Strips (GAN base, then each mode in the order of the table, guided, first prompt)\n\n");
    for (var e : strips.entrySet()) {
      String name = "strip-" + e.getKey().replace(' ', '-') + ".png";
      ImageIO.write(
          Pictures.strip(e.getValue(), 208), "png", dir.resolve("quality").resolve(name).toFile());
      s.append("![").append(e.getKey()).append("](quality/").append(name).append(")\n\n");
    }
    Files.writeString(md, s.toString());
  }
}
