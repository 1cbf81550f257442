package dev.overpaint.cli;

import dev.overpaint.errors.AppException;
import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelLoadException;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.ModelSource;
import dev.overpaint.pipeline.JobParams;
import dev.overpaint.pipeline.Pipeline;
import dev.overpaint.pipeline.PipelineListener;
import dev.overpaint.pipeline.PipelineResult;
import dev.overpaint.pipeline.PipelineSettings;
import dev.overpaint.pipeline.PngText;
import dev.overpaint.pipeline.Provenance;
import dev.overpaint.web.JobRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code generate}: the whole pipeline headless, with no database and no server. Writes the picture
 * (with its parameters in a tEXt chunk) and the GAN base beside it.
 */
final class GenerateCommand {

  private static final Set<String> OPTIONS =
      Set.of(
          "prompt",
          "seed",
          "steps",
          "skip",
          "guidance",
          "grid",
          "blend",
          "cutn",
          "cut-pow",
          "canvas-share",
          "tv-scale",
          "range-scale",
          "init-scale",
          "clamp-max",
          "out",
          "models-dir",
          "device",
          "help");

  private GenerateCommand() {}

  static int run(String[] args) {
    try {
      Options o = Options.parse(args, OPTIONS, Set.of("help"));
      if (o.has("help")) {
        System.out.println(usage());
        return 0;
      }
      return generate(o);
    } catch (IllegalArgumentException | ModelLoadException e) {
      System.err.println("overpaint generate: " + e.getMessage());
      return 2;
    } catch (AppException e) {
      System.err.println(
          "overpaint generate: "
              + (e.field() == null ? "" : "--" + e.field() + ": ")
              + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("overpaint generate: could not write the output: " + e.getMessage());
      return 1;
    }
  }

  private static int generate(Options o) throws IOException {
    JobParams params =
        new JobRequest(
                o.get("prompt", null),
                o.getLong("seed"),
                o.getInt("steps"),
                o.getDouble("skip"),
                o.getDouble("guidance"),
                o.getInt("grid"),
                o.get("blend", null),
                o.getInt("cutn"),
                o.getDouble("cut-pow"),
                o.getDouble("canvas-share"),
                o.getDouble("tv-scale"),
                o.getDouble("range-scale"),
                o.getDouble("init-scale"),
                o.getDouble("clamp-max"))
            .toParams();
    Path out = resolve(o.get("out", "out.png"));
    Path base = sibling(out, ".init.png");
    ModelSource source = o.modelSource();
    long t0 = System.nanoTime();
    try (ModelSet models =
        ModelRegistry.load(source, DeviceChoice.parse(o.get("device", "auto")))) {
      System.err.printf(
          "models: %s on %s (%.1fs)%n",
          source.describe(), models.deviceName(), (System.nanoTime() - t0) / 1e9);
      Pipeline pipeline =
          new Pipeline(
              models.generator(),
              models.denoiser(),
              models.encoder(),
              PipelineSettings.DEFAULTS,
              version());
      long t1 = System.nanoTime();
      PipelineResult result = pipeline.run(params, progress(), () -> false);
      String metadata = Provenance.toJson(result.metadata());
      writeAtomically(out, PngText.encode(result.image(), PngText.KEYWORD, metadata));
      writeAtomically(base, PngText.encode(result.base()));
      System.err.printf(
          "seed %d, canvas %dx%d, %.1fs%n",
          params.seed(),
          result.image().getWidth(),
          result.image().getHeight(),
          (System.nanoTime() - t1) / 1e9);
      System.out.println(out);
      System.out.println(base);
    }
    return 0;
  }

  private static PipelineListener progress() {
    return new PipelineListener() {
      private ProgressBar bar;

      @Override
      public void started(Started e) {
        bar = new ProgressBar(System.err);
        System.err.printf(
            "canvas %dx%d, %d tiles of %d px, overlap %d, %d steps from t=%d%n",
            e.geometry().width(),
            e.geometry().height(),
            e.geometry().count(),
            e.geometry().tileSize(),
            e.geometry().overlap(),
            e.steps(),
            e.timesteps()[0]);
      }

      @Override
      public void step(Step e) {
        bar.update(e.step(), e.steps(), "denoising");
      }
    };
  }

  /** Relative paths are the caller's, not the launcher's repository root. */
  static Path resolve(String path) {
    String caller = System.getenv("OVERPAINT_CALLER_DIR");
    Path p = Path.of(path);
    return p.isAbsolute() || caller == null ? p.toAbsolutePath() : Path.of(caller).resolve(p);
  }

  private static Path sibling(Path out, String suffix) {
    String name = out.getFileName().toString();
    String stem =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".png")
            ? name.substring(0, name.length() - 4)
            : name;
    return out.resolveSibling(stem + suffix);
  }

  /** Nothing half-written: write beside the target, then rename over it. */
  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // A sibling name rather than createTempFile: the picture gets the umask's permissions.
    Path tmp =
        dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(
          tmp,
          target,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String version() {
    String v = GenerateCommand.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  private static String usage() {
    return """
        usage: overpaint generate --prompt TEXT [--seed N] [--out out.png] [--steps N] [--skip F]
                                  [--guidance F] [--grid N] [--blend none|feather|joint]
                                  [--cutn N] [--cut-pow F] [--canvas-share F] [--tv-scale F]
                                  [--range-scale F] [--init-scale F] [--clamp-max F]
                                  [--models-dir DIR] [--device auto|cpu|gpu]
          Writes OUT and OUT's base composition as <stem>.init.png beside it.
          Defaults: steps %d, skip %.2f, guidance %.1f, grid %d, blend %s, a random seed.
        """
        .formatted(
            JobParams.DEFAULT_STEPS,
            JobParams.DEFAULT_SKIP,
            JobParams.DEFAULT_GUIDANCE,
            JobParams.DEFAULT_GRID,
            JobParams.DEFAULT_BLEND.id());
  }
}
