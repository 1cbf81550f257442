package dev.overpaint.train;

import dev.overpaint.data.Caption.TemplateSet;
import dev.overpaint.data.Dataset;
import dev.overpaint.models.ClipTraining;
import dev.overpaint.models.DeviceChoice;
import dev.overpaint.models.ModelRegistry;
import dev.overpaint.models.ModelSet;
import dev.overpaint.models.ModelSource;
import dev.overpaint.models.Tensor;
import dev.overpaint.models.TextImageEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code train clip} and {@code train judge}: a tiny CLIP trained with the symmetric InfoNCE loss
 * and learned temperature of Radford et al. 2021. The guidance encoder (role "encoder") learns from
 * the CLIP caption templates on even dataset indices; the judge (role "judge") from the disjoint
 * JUDGE templates on odd indices, with another seed, so that it shares neither captions nor
 * drawings with the model it grades. Both are evaluated on the same held-out drawings.
 */
public final class ClipTrainer extends StepLoop {

  /** The two encoders this trainer makes. */
  public enum Variant {
    ENCODER("clip", "encoder", "builtin-tinyclip", TemplateSet.CLIP, 0),
    JUDGE("judge", "judge", "builtin-tinyclip-judge", TemplateSet.JUDGE, 1);

    final String command;
    final String role;
    final String modelName;
    final TemplateSet templates;
    final int parity;

    Variant(String command, String role, String modelName, TemplateSet templates, int parity) {
      this.command = command;
      this.role = role;
      this.modelName = modelName;
      this.templates = templates;
      this.parity = parity;
    }
  }

  /**
   * @param batch pairs per step: the contrastive task needs many negatives
   * @param learningRate AdamW's step size after warm-up
   * @param warmup warm-up updates
   * @param weightDecay AdamW's decoupled weight decay
   * @param checkpointMinutes minutes between checkpoints
   * @param evalMinutes minutes between held-out retrieval lines in the log
   */
  public record Settings(
      int batch,
      float learningRate,
      int warmup,
      float weightDecay,
      double checkpointMinutes,
      double evalMinutes) {

    public static Settings defaults() {
      return new Settings(64, 5e-4f, 50, 0.05f, 5, 3);
    }
  }

  private final Variant variant;
  private final Settings s;
  private Dataset data;
  private ClipTraining model;

  public ClipTrainer(Variant variant) {
    this(variant, Settings.defaults());
  }

  public ClipTrainer(Variant variant, Settings settings) {
    this.variant = variant;
    this.s = settings;
  }

  @Override
  String name() {
    return variant.command;
  }

  @Override
  int defaultSteps() {
    return 1000;
  }

  @Override
  double checkpointMinutes() {
    return s.checkpointMinutes();
  }

  @Override
  double sampleMinutes() {
    return s.evalMinutes();
  }

  @Override
  void open(Optional<RunDir.Checkpoint> from) throws IOException {
    ClipTraining.Settings ts =
        new ClipTraining.Settings(s.learningRate(), s.warmup(), s.weightDecay());
    if (from.isPresent()) {
      Path dir = from.get().dir();
      model = ClipTraining.resume(ts, dir.resolve(variant.role + ".params"));
      boolean moments = model.loadOptimiser(dir.resolve(OPTIMISER_STATE));
      run.log(
          "resumed from "
              + dir
              + (moments ? " (AdamW moments restored)" : " (AdamW moments reset)"));
    } else {
      model = ClipTraining.create(ts, options.seed());
    }
    data = Splits.dataset(model.imageSize(), variant.templates);
    run.log(variant.role + " parameters: " + model.parameterCount());
  }

  @Override
  float step(int step) {
    int size = model.imageSize();
    int item = 3 * size * size;
    float[] images = new float[s.batch() * item];
    List<String> captions = new ArrayList<>();
    for (int i = 0; i < s.batch(); i++) {
      long index = Splits.trainIndex((long) step * s.batch() + i, variant.parity);
      Dataset.Sample sample = data.sample(index);
      System.arraycopy(Dataset.toChw(sample.image()), 0, images, i * item, item);
      captions.add(sample.caption());
    }
    return model.step(new Tensor(new int[] {s.batch(), 3, size, size}, images), captions);
  }

  @Override
  Map<String, Object> saveCheckpoint(Path dir) throws IOException {
    model.saveParameters(dir.resolve(variant.role + ".params"));
    model.saveOptimiser(dir.resolve(OPTIMISER_STATE));
    return Map.of("logitScale", model.logitScale(), "skippedUpdates", model.skippedUpdates());
  }

  @Override
  void samples(int step) {
    run.log(
        String.format(
            "step %d: held-out top1 %.2f, temperature scale %.1f",
            step, top1(heldOut()), model.logitScale()));
  }

  @Override
  Map<String, Object> evaluate() {
    Pairs pairs = heldOut();
    Map<String, Object> eval = new LinkedHashMap<>();
    eval.put("top1", top1(pairs));
    eval.put("pairs", pairs.captions().size());
    eval.put("templates", variant.templates.name());
    eval.put("logitScale", model.logitScale());
    try (ModelSet builtin = ModelRegistry.load(ModelSource.builtin(), DeviceChoice.CPU)) {
      TextImageEncoder base =
          variant == Variant.JUDGE ? builtin.judge().orElse(builtin.encoder()) : builtin.encoder();
      eval.put("top1_builtin", top1(base, pairs));
    }
    return eval;
  }

  /** Held-out drawings with captions from this variant's templates. */
  private record Pairs(Tensor images, List<String> captions) {}

  private Pairs heldOut() {
    int size = model.imageSize();
    int item = 3 * size * size;
    int n = Splits.HELD_OUT_PAIRS;
    float[] images = new float[n * item];
    List<String> captions = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Dataset.Sample sample = data.sample(Splits.heldOut(k));
      System.arraycopy(Dataset.toChw(sample.image()), 0, images, k * item, item);
      captions.add(sample.caption());
    }
    return new Pairs(new Tensor(new int[] {n, 3, size, size}, images), captions);
  }

  private double top1(Pairs p) {
    int n = p.captions().size();
    return Retrieval.top1(
        Retrieval.rows(model.encodeTexts(p.captions()).data(), n),
        Retrieval.rows(model.encodeImages(p.images()).data(), n));
  }

  private static double top1(TextImageEncoder e, Pairs p) {
    int n = p.captions().size();
    float[][] texts = new float[n][];
    for (int i = 0; i < n; i++) {
      texts[i] = e.encodeText(p.captions().get(i));
    }
    return Retrieval.top1(texts, Retrieval.rows(e.encodeImages(p.images()).data(), n));
  }

  @Override
  void export(Path dir, Map<String, Object> training, Map<String, Object> eval) throws IOException {
    model.exportModel(dir, variant.role, variant.modelName, training, eval);
  }

  @Override
  Map<String, Object> hyper() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put(
        "objective", "symmetric InfoNCE, learned temperature clamped at 100 (Radford et al. 2021)");
    h.put("optimizer", "adamw");
    h.put("batch", s.batch());
    h.put("learningRate", s.learningRate());
    h.put("warmup", s.warmup());
    h.put("weightDecay", s.weightDecay());
    h.put("templates", variant.templates.name());
    h.put("split", variant.parity == 0 ? "even dataset indices" : "odd dataset indices");
    return h;
  }

  @Override
  void closeModel() {
    if (model != null) {
      model.close();
    }
  }
}
