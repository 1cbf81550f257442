package dev.overpaint.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.overpaint.data.Dataset;
import dev.overpaint.models.GanTraining;
import dev.overpaint.models.GanTraining.Losses;
import dev.overpaint.models.GanTraining.Stabiliser;
import dev.overpaint.models.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * {@code ./overpaint train gan}: trains the tiny StyleGAN2 on the procedural drawings ({@link
 * Dataset}, seed = run seed, rendered at the generator's resolution; batch {@code step} holds
 * samples {@code step·batch …}).
 *
 * <p>Writes into {@code out}: train.log, losses.csv, checkpoints/step-NNNNNNN/ (G, G_ema and D
 * parameters with checkpoint.json: step, seed, wall time, config) every few minutes and at the end,
 * samples/step-NNNNNNN-psi1.0.png and -psi0.7.png (8×8 from fixed latents through G_ema), and at
 * the end model/: a weight set usable as {@code --models-dir}, the built-in set with the generator
 * role replaced. {@code --resume} continues from the newest checkpoint, Adam's moments included.
 *
 * <p>Hyper-parameters beyond the common options come from system properties: {@code
 * overpaint.gan.resolution} (64), {@code overpaint.gan.batch} (16), {@code
 * overpaint.gan.stabiliser} (r1 | diffaugment | spectral_norm | instance_noise | none; r1), {@code
 * overpaint.gan.r1Gamma} (1), {@code overpaint.gan.checkpointMinutes} (5), {@code
 * overpaint.gan.sampleMinutes} (5).
 */
public final class GanTrainer implements Training {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long SAMPLE_LATENT_SEED = 20_240_601L;
  private static final int DEFAULT_STEPS = 100_000;

  @Override
  public int run(TrainOptions o) throws Exception {
    int resolution = Integer.getInteger("overpaint.gan.resolution", 64);
    int batch = Integer.getInteger("overpaint.gan.batch", 16);
    Stabiliser stabiliser =
        Stabiliser.valueOf(
            System.getProperty("overpaint.gan.stabiliser", "r1").toUpperCase(Locale.ROOT));
    float gamma = Float.parseFloat(System.getProperty("overpaint.gan.r1Gamma", "1"));
    double ckptMinutes =
        Double.parseDouble(System.getProperty("overpaint.gan.checkpointMinutes", "5"));
    double sampleMinutes =
        Double.parseDouble(System.getProperty("overpaint.gan.sampleMinutes", "5"));
    GanTraining.Config config =
        GanTraining.Config.defaults(resolution, stabiliser, o.seed())
            .withBatch(batch)
            .withR1(gamma, 16);

    Path out = o.out();
    Files.createDirectories(out.resolve("samples"));
    Files.createDirectories(out.resolve("checkpoints"));
    int maxSteps = o.steps().orElse(DEFAULT_STEPS);
    double maxSeconds = o.minutes().isPresent() ? o.minutes().getAsInt() * 60.0 : Double.MAX_VALUE;
    Dataset data = new Dataset(o.seed(), resolution);
    int poolSize = Integer.getInteger("overpaint.gan.pool", 8192);
    byte[][] pool = poolSize > 0 ? new byte[poolSize][] : null;
    PrintStream err = System.err;

    try (GanTraining gan = new GanTraining(config);
        Writer log = append(out.resolve("train.log"))) {
      double priorWall = 0;
      Optional<Path> ckpt = o.resume() ? newestCheckpoint(out) : Optional.empty();
      if (ckpt.isPresent()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> meta =
            JSON.readValue(ckpt.get().resolve("checkpoint.json").toFile(), Map.class);
        long s = ((Number) meta.get("step")).longValue();
        priorWall = ((Number) meta.get("wallSeconds")).doubleValue();
        boolean moments = gan.loadCheckpoint(ckpt.get(), s);
        line(
            log,
            err,
            "resumed from "
                + ckpt.get()
                + " at step "
                + s
                + (moments ? " (Adam moments restored)" : " (Adam moments reset)"));
      } else if (o.resume()) {
        line(log, err, "no checkpoint in " + out + ": starting fresh");
      }
      line(
          log,
          err,
          String.format(
              "pool %d | gan: %s | G %,d params, D %,d params | D %s | dataset %s seed %d | threads %d",
              poolSize,
              config.toMap(),
              gan.generatorParameters(),
              gan.discriminatorParameters(),
              gan.discriminatorHyper(),
              Dataset.VERSION,
              o.seed(),
              o.threads()));
      Path csv = out.resolve("losses.csv");
      boolean fresh = !Files.exists(csv) || gan.steps() == 0;
      try (Writer losses =
          fresh ? Files.newBufferedWriter(csv, StandardCharsets.UTF_8) : append(csv)) {
        if (fresh) {
          losses.write("step,d_loss,g_loss,r1,d_real,d_fake,step_ms,wall_s\n");
        }
        long start = System.nanoTime();
        double lastCkpt = 0;
        double lastSample = 0;
        float lastR1 = Float.NaN;
        if (gan.steps() == 0) {
          samples(gan, out);
        }
        double ema = 0;
        long startStep = gan.steps();
        while (gan.steps() < maxSteps) {
          double elapsed = (System.nanoTime() - start) / 1e9;
          if (elapsed >= maxSeconds) {
            break;
          }
          long t0 = System.nanoTime();
          Tensor reals = realBatch(data, gan.steps(), batch, resolution, pool);
          Losses l = gan.step(reals);
          double ms = (System.nanoTime() - t0) / 1e6;
          ema = ema == 0 ? ms : 0.95 * ema + 0.05 * ms;
          if (!Float.isNaN(l.r1())) {
            lastR1 = l.r1();
          }
          elapsed = (System.nanoTime() - start) / 1e9;
          losses.write(
              String.format(
                  Locale.ROOT,
                  "%d,%.5f,%.5f,%s,%.4f,%.4f,%.1f,%.1f%n",
                  l.step(),
                  l.dLoss(),
                  l.gLoss(),
                  Float.isNaN(l.r1()) ? "" : String.format(Locale.ROOT, "%.5f", l.r1()),
                  l.dReal(),
                  l.dFake(),
                  ms,
                  priorWall + elapsed));
          if (l.step() % 10 == 0 || l.step() == startStep + 1) {
            losses.flush();
            double etaSteps = (maxSteps - l.step()) * ema / 1000;
            double eta = Math.min(etaSteps, maxSeconds - elapsed);
            String bar =
                String.format(
                    Locale.ROOT,
                    "step %d | D %.3f | G %.3f | R1 %.4f | D(x) %.2f D(G(z)) %.2f | %.0f ms/step"
                        + " | skipped %d | %.0fs | ETA %.0fs",
                    l.step(),
                    l.dLoss(),
                    l.gLoss(),
                    lastR1,
                    l.dReal(),
                    l.dFake(),
                    ema,
                    gan.skippedUpdates(),
                    elapsed,
                    eta);
            err.println(bar);
            if (l.step() % 100 == 0) {
              log.write(Instant.now() + " " + bar + "\n");
              log.flush();
            }
          }
          if (l.step() % 50 == 0) {
            System.gc();
          }
          if (elapsed - lastCkpt >= ckptMinutes * 60) {
            checkpoint(gan, out, config, o, priorWall + elapsed, log, err);
            lastCkpt = elapsed;
          }
          if (elapsed - lastSample >= sampleMinutes * 60) {
            samples(gan, out);
            lastSample = elapsed;
          }
        }
        double wall = priorWall + (System.nanoTime() - start) / 1e9;
        losses.flush();
        checkpoint(gan, out, config, o, wall, log, err);
        samples(gan, out);
        writeModel(gan, out.resolve("model"), config, o, wall);
        line(
            log,
            err,
            String.format(
                Locale.ROOT,
                "done: %d steps, %.0f s wall, candidate weights in %s",
                gan.steps(),
                wall,
                out.resolve("model")));
      }
    }
    return 0;
  }

  /** Batch {@code step}: samples step·batch … of the dataset as (batch, 3, r, r) in [-1, 1]. */
  static Tensor realBatch(Dataset data, long step, int batch, int resolution) {
    return realBatch(data, step, batch, resolution, null);
  }

  /**
   * As {@link #realBatch(Dataset, long, int, int)}, but with a pool of P rendered images sample
   * index i stands for index i mod P, each rendered once and kept as 8-bit RGB (rendering costs
   * about as much as a fifth of a training step).
   */
  static Tensor realBatch(Dataset data, long step, int batch, int resolution, byte[][] pool) {
    int per = 3 * resolution * resolution;
    float[] values = new float[batch * per];
    for (int i = 0; i < batch; i++) {
      long index = step * batch + i;
      if (pool == null) {
        float[] chw = Dataset.toChw(data.sample(index).image());
        System.arraycopy(chw, 0, values, i * per, per);
        continue;
      }
      int slot = (int) (index % pool.length);
      if (pool[slot] == null) {
        float[] chw = Dataset.toChw(data.sample(slot).image());
        byte[] b = new byte[per];
        for (int k = 0; k < per; k++) {
          b[k] = (byte) Math.max(0, Math.min(255, Math.round((chw[k] + 1f) * 127.5f)));
        }
        pool[slot] = b;
      }
      byte[] b = pool[slot];
      for (int k = 0; k < per; k++) {
        values[i * per + k] = (b[k] & 0xff) / 127.5f - 1f;
      }
    }
    return new Tensor(new int[] {batch, 3, resolution, resolution}, values);
  }

  private static void checkpoint(
      GanTraining gan,
      Path out,
      GanTraining.Config config,
      TrainOptions o,
      double wall,
      Writer log,
      PrintStream err)
      throws IOException {
    Path dir = out.resolve("checkpoints").resolve(String.format("step-%07d", gan.steps()));
    gan.saveCheckpoint(dir);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("step", gan.steps());
    meta.put("seed", o.seed());
    meta.put("wallSeconds", Math.round(wall * 10) / 10.0);
    meta.put("dataset", Dataset.VERSION);
    meta.put("config", config.toMap());
    meta.put("savedAt", Instant.now().toString());
    meta.put("skippedUpdates", gan.skippedUpdates());
    JSON.writeValue(dir.resolve("checkpoint.json").toFile(), meta);
    line(log, err, "checkpoint " + dir);
  }

  static Optional<Path> newestCheckpoint(Path out) throws IOException {
    Path dir = out.resolve("checkpoints");
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.exists(p.resolve("checkpoint.json")))
          .max(Comparator.comparing(p -> p.getFileName().toString()));
    }
  }

  /** 8×8 grids from fixed latents through G_ema at ψ = 1.0 and 0.7. */
  private static void samples(GanTraining gan, Path out) throws IOException {
    int n = 64;
    int dim = gan.latentDim();
    Random r = new Random(SAMPLE_LATENT_SEED);
    float[] z = new float[n * dim];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) r.nextGaussian();
    }
    Tensor zs = new Tensor(new int[] {n, dim}, z);
    for (float psi : new float[] {1.0f, 0.7f}) {
      Tensor img = gan.sample(zs, psi, SAMPLE_LATENT_SEED + 1);
      Path file =
          out.resolve("samples")
              .resolve(String.format(Locale.ROOT, "step-%07d-psi%.1f.png", gan.steps(), psi));
      ImageIO.write(grid(img, 8, 2), "png", file.toFile());
    }
  }

  /** Images (n, 3, h, w) in [-1, 1] as a cols-wide grid, each pixel drawn scale×scale. */
  static BufferedImage grid(Tensor img, int cols, int scale) {
    int n = img.dim(0);
    int h = img.dim(2);
    int w = img.dim(3);
    int rows = (n + cols - 1) / cols;
    int pad = 2;
    int cw = w * scale + pad;
    int ch = h * scale + pad;
    BufferedImage out =
        new BufferedImage(cols * cw + pad, rows * ch + pad, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, 0x808080);
      }
    }
    float[] v = img.data();
    int plane = h * w;
    for (int i = 0; i < n; i++) {
      int ox = pad + (i % cols) * cw;
      int oy = pad + (i / cols) * ch;
      int base = i * 3 * plane;
      for (int y = 0; y < h * scale; y++) {
        for (int x = 0; x < w * scale; x++) {
          int p = (y / scale) * w + x / scale;
          int rr = toByte(v[base + p]);
          int gg = toByte(v[base + plane + p]);
          int bb = toByte(v[base + 2 * plane + p]);
          out.setRGB(ox + x, oy + y, (rr << 16) | (gg << 8) | bb);
        }
      }
    }
    return out;
  }

  private static int toByte(float v) {
    return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
  }

  /** out/model: the built-in weight set with the generator role replaced by G_ema. */
  private static void writeModel(
      GanTraining gan, Path dir, GanTraining.Config config, TrainOptions o, double wall)
      throws IOException {
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("steps", gan.steps());
    training.put("seed", o.seed());
    training.put("dataset", Dataset.VERSION);
    training.put("wallSeconds", Math.round(wall));
    training.put("threads", o.threads());
    training.put("images", gan.steps() * config.batch());
    training.put("gan", config.toMap());
    training.put("discriminator", gan.discriminatorHyper());
    training.put("weights", "G_ema");
    gan.writeGenerator(dir, training, Map.of());
  }

  private static Writer append(Path file) throws IOException {
    return Files.newBufferedWriter(
        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void line(Writer log, PrintStream err, String s) throws IOException {
    err.println(s);
    log.write(Instant.now() + " " + s + "\n");
    log.flush();
  }
}
