package dev.overpaint.train;

import dev.overpaint.data.Caption.TemplateSet;
import dev.overpaint.data.Dataset;
import dev.overpaint.diffusion.GaussianNoise;
import dev.overpaint.models.Generator;
import dev.overpaint.models.ModelInfo;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.Tensor;
import dev.overpaint.models.TextImageEncoder;
import dev.overpaint.tiles.Resample;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The numbers the built-in models are held to ({@code ./overpaint eval}). Every distance is taken
 * on the judge's image features, never on the encoder the pipeline guides with, and every real
 * picture is a held-out drawing that no trainer saw.
 */
public final class Evaluation {

  /**
   * @param ganSamples generated and real pictures for gan.fd
   * @param unetSamples DDIM samples, noise pictures and real crops for unet.fd
   * @param ddimSteps steps of the unconditional DDIM samples
   * @param ddimEta their η: 0 (the default) is deterministic DDIM, 1 ancestral sampling
   */
  public record Settings(
      int ganSamples, int unetSamples, int ddimSteps, double ddimEta, long seed) {
    public static final Settings DEFAULTS = new Settings(1000, 200, 50, 0.0, 1);

    public Settings {
      // A Fréchet distance needs a covariance, so at least two pictures a side.
      if (ganSamples < 2 || unetSamples < 2) {
        throw new IllegalArgumentException(
            "gan-samples and unet-samples must be at least 2, got "
                + ganSamples
                + " and "
                + unetSamples);
      }
      if (ddimSteps < 1) {
        throw new IllegalArgumentException("ddim-steps must be at least 1, got " + ddimSteps);
      }
      if (ddimEta < 0 || ddimEta > 1) {
        throw new IllegalArgumentException("ddim-eta must lie in [0, 1], got " + ddimEta);
      }
    }
  }

  /** Held-out index ranges, apart from the retrieval pairs at 0..99. */
  private static final int GAN_REAL_FROM = 1_000;

  private static final int UNET_REAL_FROM = 10_000;
  private static final int GAN_FLOOR_FROM = 100_000;
  private static final int UNET_FLOOR_FROM = 110_000;
  private static final int CROP_CANVAS = 224;
  private static final int BATCH = 50;

  /**
   * gan.fd is measured at the size of the built-in GAN base, 64 px: a smaller generator's pictures
   * are upsampled bilinearly, as the pipeline upsamples any base, so that generators of different
   * output sizes score on one scale.
   */
  private static final int GAN_EVAL_SIZE = 64;

  /** Pictures in each sample grid: the first samples by seed, never a choice. */
  private static final int GRID_PICTURES = 64;

  private final Settings s;
  private final PrintStream log;
  private final Path gridPrefix;

  /**
   * @param gridPrefix where the sample grids go: {@code <prefix>gan-samples.png} and {@code
   *     <prefix>unet-samples.png}
   */
  public Evaluation(Settings settings, PrintStream log, Path gridPrefix) {
    this.s = settings;
    this.log = log;
    this.gridPrefix = gridPrefix;
  }

  /**
   * @param models the weight set under test; it must have a judge
   * @param initial the same architectures at their initialisation, for gan.fd_untrained
   */
  public Map<String, Object> run(ModelSet models, ModelSet initial) throws IOException {
    TextImageEncoder judge = judgeOf(models);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("clip", retrieval(models.encoder(), TemplateSet.CLIP, models.infos(), "encoder"));
    out.put("judge", retrieval(judge, TemplateSet.JUDGE, models.infos(), "judge"));
    out.put("gan", gan(models.generator(), initial.generator(), judge, models.infos()));
    out.put("unet", unet(models, judge));
    return out;
  }

  /** The weight set's judge, or a clear error naming how to get one. */
  public static TextImageEncoder judgeOf(ModelSet models) {
    return models
        .judge()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the weight set has no judge model: train one with ./overpaint train judge"));
  }

  private Map<String, Object> retrieval(
      TextImageEncoder e, TemplateSet templates, List<ModelInfo> infos, String role) {
    Dataset data = Splits.dataset(e.imageSize(), templates);
    int n = Splits.HELD_OUT_PAIRS;
    float[][] texts = new float[n][];
    List<float[]> images = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Dataset.Sample sample = data.sample(Splits.heldOut(k));
      texts[k] = e.encodeText(sample.caption());
      images.add(Dataset.toChw(sample.image()));
    }
    double top1 = Retrieval.top1(texts, features(e, images, e.imageSize()));
    log.printf(
        "%s.top1 %.3f over %d held-out pairs%n", role.equals("encoder") ? "clip" : role, top1, n);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("top1", top1);
    m.putAll(model(infos, role));
    return m;
  }

  private Map<String, Object> gan(
      Generator trained, Generator untrained, TextImageEncoder judge, List<ModelInfo> infos)
      throws IOException {
    int res = Math.max(trained.resolution(), GAN_EVAL_SIZE);
    Dataset data = Splits.dataset(res, TemplateSet.JUDGE);
    List<float[]> real = new ArrayList<>();
    for (int k = 0; k < s.ganSamples(); k++) {
      real.add(Dataset.toChw(data.sample(Splits.heldOut(GAN_REAL_FROM + k)).image()));
    }
    float[][] realFeatures = features(judge, real, res);
    double fdReal =
        realFloor(
            judge,
            res,
            k -> data.sample(Splits.heldOut(GAN_FLOOR_FROM + k)),
            s.ganSamples(),
            realFeatures);
    List<float[]> samples = generate(trained, res);
    double fd = FrechetDistance.between(features(judge, samples, res), realFeatures);
    double fdUntrained =
        FrechetDistance.between(features(judge, generate(untrained, res), res), realFeatures);
    log.printf(
        "gan.fd %.4f, gan.fd_untrained %.4f, real-vs-real floor %.4f (%d vs %d pictures)%n",
        fd, fdUntrained, fdReal, s.ganSamples(), s.ganSamples());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fd", fd);
    m.put("fd_untrained", fdUntrained);
    m.put("fd_ratio", fd / fdUntrained);
    m.put("fd_real", fdReal);
    m.put("samples", s.ganSamples());
    m.putAll(blueprintShares(samples, real, res));
    m.put("grid", writeGrid(samples, res, "gan-samples.png"));
    m.put("resolution", trained.resolution());
    m.put("evalResolution", res);
    m.putAll(model(infos, "generator"));
    return m;
  }

  /**
   * Pictures from seeds 0..n−1 at truncation 1, the distribution the generator learned, upsampled
   * to {@code size} when the generator makes fewer pixels.
   */
  private List<float[]> generate(Generator g, int size) {
    List<float[]> out = new ArrayList<>();
    int r = g.resolution();
    int item = 3 * r * r;
    for (int from = 0; from < s.ganSamples(); from += BATCH) {
      int n = Math.min(BATCH, s.ganSamples() - from);
      float[] z = new float[n * g.latentDim()];
      for (int i = 0; i < n; i++) {
        System.arraycopy(g.latentForSeed(from + i).data(), 0, z, i * g.latentDim(), g.latentDim());
      }
      float[] images =
          g.synthesize(new Tensor(new int[] {n, g.latentDim()}, z), 1f, s.seed() + from).data();
      for (int i = 0; i < n; i++) {
        float[] p = new float[item];
        System.arraycopy(images, i * item, p, 0, item);
        out.add(r == size ? p : Resample.bilinear(p, 3, r, r, size, size));
      }
    }
    return out;
  }

  private Map<String, Object> unet(ModelSet models, TextImageEncoder judge) throws IOException {
    int size = models.denoiser().trainingResolution();
    Dataset data = Splits.dataset(size, TemplateSet.JUDGE);
    List<float[]> real = new ArrayList<>();
    for (int k = 0; k < s.unetSamples(); k++) {
      real.add(Dataset.toChw(data.crop(Splits.heldOut(UNET_REAL_FROM + k), CROP_CANVAS).image()));
    }
    float[][] realFeatures = features(judge, real, size);
    double fdReal =
        realFloor(
            judge,
            size,
            k -> data.crop(Splits.heldOut(UNET_FLOOR_FROM + k), CROP_CANVAS),
            s.unetSamples(),
            realFeatures);
    List<float[]> samples = new ArrayList<>();
    for (int from = 0; from < s.unetSamples(); from += 25) {
      int n = Math.min(25, s.unetSamples() - from);
      samples.addAll(
          DdimSampler.sample(
              models.denoiser(), n, size, s.ddimSteps(), s.ddimEta(), s.seed() + from));
      log.printf("unet: %d/%d DDIM samples%n", samples.size(), s.unetSamples());
    }
    GaussianNoise noise = new GaussianNoise(s.seed());
    List<float[]> noiseImages = new ArrayList<>();
    for (int k = 0; k < s.unetSamples(); k++) {
      noiseImages.add(noise.next(3 * size * size));
    }
    double fd = FrechetDistance.between(features(judge, samples, size), realFeatures);
    double fdNoise = FrechetDistance.between(features(judge, noiseImages, size), realFeatures);
    Map<String, Double> mse =
        DenoisingEval.mseByT(
            models.denoiser(), real.subList(0, Math.min(100, real.size())), size, s.seed());
    log.printf(
        "unet.fd %.4f, unet.fd_noise %.4f, real-vs-real floor %.4f (%d each), mse_by_t %s%n",
        fd, fdNoise, fdReal, s.unetSamples(), mse);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fd", fd);
    m.put("fd_noise", fdNoise);
    m.put("fd_ratio", fd / fdNoise);
    m.put("fd_real", fdReal);
    m.put("samples", s.unetSamples());
    m.put("ddim_steps", s.ddimSteps());
    m.put("ddim_eta", s.ddimEta());
    m.putAll(blueprintShares(samples, real, size));
    m.put("grid", writeGrid(samples, size, "unet-samples.png"));
    m.put("mse_by_t", mse);
    m.putAll(model(models.infos(), "denoiser"));
    return m;
  }

  /** The first {@link #GRID_PICTURES} samples as a grid; returns its path. */
  private String writeGrid(List<float[]> samples, int size, String name) throws IOException {
    Path file = Path.of(gridPrefix + name);
    Pictures.writeGrid(samples.subList(0, Math.min(GRID_PICTURES, samples.size())), size, 8, file);
    return file.toString();
  }

  /** How often the samples find the blueprint mode, next to how often the real pictures have it. */
  private Map<String, Object> blueprintShares(List<float[]> samples, List<float[]> real, int size) {
    double generated = Blueprints.share(samples, size);
    double realShare = Blueprints.share(real, size);
    log.printf(
        "blueprints: %.3f of the samples, %.3f of the real pictures%n", generated, realShare);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("blueprint_share", generated);
    m.put("blueprint_share_real", realShare);
    return m;
  }

  /**
   * The metric's floor at this sample size: the distance from the real set to a second, disjoint
   * set of real pictures. No model can be expected to score much below it.
   */
  private static double realFloor(
      TextImageEncoder judge,
      int size,
      IntFunction<Dataset.Sample> picture,
      int n,
      float[][] realFeatures) {
    List<float[]> other = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      other.add(Dataset.toChw(picture.apply(k).image()));
    }
    return FrechetDistance.between(features(judge, other, size), realFeatures);
  }

  /** The judge's (or an encoder's) unit-norm image features, one row per picture. */
  private static float[][] features(TextImageEncoder e, List<float[]> images, int size) {
    float[][] rows = new float[images.size()][];
    int item = 3 * size * size;
    for (int from = 0; from < images.size(); from += BATCH) {
      int n = Math.min(BATCH, images.size() - from);
      float[] batch = new float[n * item];
      for (int i = 0; i < n; i++) {
        System.arraycopy(images.get(from + i), 0, batch, i * item, item);
      }
      float[] f = e.encodeImages(new Tensor(new int[] {n, 3, size, size}, batch)).data();
      int d = f.length / n;
      for (int i = 0; i < n; i++) {
        rows[from + i] = java.util.Arrays.copyOfRange(f, i * d, (i + 1) * d);
      }
    }
    return rows;
  }

  private static Map<String, Object> model(List<ModelInfo> infos, String role) {
    Map<String, Object> m = new LinkedHashMap<>();
    infos.stream()
        .filter(i -> i.role().equals(role))
        .findFirst()
        .ifPresent(
            i -> {
              m.put("name", i.name());
              m.put("parameters", i.parameters());
              m.put("training", i.training());
            });
    return m;
  }
}
