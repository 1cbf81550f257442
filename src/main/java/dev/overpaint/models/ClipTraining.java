package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link TinyClipBlock} contrastively as in Radford et al. 2021 ("Learning Transferable
 * Visual Models From Natural Language Supervision", Fig. 3): cosine similarities of the batch's
 * image and caption embeddings, scaled by the learned temperature exp(logit_scale) clamped at 100,
 * and the symmetric cross-entropy (InfoNCE) over images→texts and texts→images, with AdamW
 * (Loshchilov &amp; Hutter 2019). Used for the guidance encoder and for the judge.
 */
public final class ClipTraining extends BlockTraining<TinyClipBlock> {

  /** Radford et al. clip the temperature so that logits are scaled by at most 100. */
  static final float MAX_LOGIT_SCALE = 100f;

  /**
   * @param learningRate AdamW's step size after warm-up
   * @param warmup updates of linear warm-up
   * @param weightDecay AdamW's decoupled weight decay
   */
  public record Settings(float learningRate, int warmup, float weightDecay) {}

  private final CaptionTokenizer tokenizer;

  private ClipTraining(TinyClipBlock block, NDManager m, Settings s, CaptionTokenizer tokenizer) {
    super(
        block,
        m,
        AdamOptimiser.Settings.standard(warmUp(s.learningRate(), s.warmup()), s.weightDecay()));
    this.tokenizer = tokenizer;
  }

  /**
   * A fresh tiny CLIP of the built-in architecture and vocabulary, initialised from {@code seed}.
   */
  public static ClipTraining create(Settings s, long seed) {
    CaptionTokenizer tokenizer = BuiltinWeights.builtinTokenizer();
    NDManager m = newManager();
    return new ClipTraining(initialise(newBlock(tokenizer), m, seed), m, s, tokenizer);
  }

  /**
   * Continues from checkpointed weights; AdamW's moments start from zero unless {@link
   * #loadOptimiser} restores them.
   */
  public static ClipTraining resume(Settings s, Path params) throws IOException {
    CaptionTokenizer tokenizer = BuiltinWeights.builtinTokenizer();
    NDManager m = newManager();
    try {
      return new ClipTraining(load(newBlock(tokenizer), m, params), m, s, tokenizer);
    } catch (IOException | RuntimeException e) {
      m.close();
      throw e;
    }
  }

  private static TinyClipBlock newBlock(CaptionTokenizer tokenizer) {
    return new TinyClipBlock(
        TinyClipBlock.Config.defaults(tokenizer.vocabSize()), tokenizer.id(CaptionTokenizer.EOS));
  }

  public int imageSize() {
    return block.config().imageSize();
  }

  /**
   * One AdamW step on the symmetric InfoNCE loss of a batch of matching pairs.
   *
   * @param images (n, 3, imageSize, imageSize) in [-1, 1]
   * @param captions n captions, caption i describing image i
   * @return the batch loss before the update (ln n at chance)
   */
  public float step(Tensor images, List<String> captions) {
    if (images.dim(0) != captions.size()) {
      throw new IllegalArgumentException("need one caption per image");
    }
    return optimise(m -> infoNce(m, images, captions));
  }

  private NDArray infoNce(NDManager m, Tensor images, List<String> captions) {
    NDList out = block.forward(parameters, new NDList(image(m, images), tokens(m, captions)), true);
    NDArray img = BuiltinClip.unit(out.get(0));
    NDArray txt = BuiltinClip.unit(out.get(1));
    // Clamping the scale (not the parameter) stops its gradient once the limit is reached.
    NDArray scale = out.get(2).exp().clip(0f, MAX_LOGIT_SCALE);
    NDArray logits = img.matMul(txt.transpose()).mul(scale);
    long n = captions.size();
    NDArray eye = m.eye((int) n);
    NDArray imageToText = logits.logSoftmax(1).mul(eye).sum().neg();
    NDArray textToImage = logits.logSoftmax(0).mul(eye).sum().neg();
    return Ops.over(imageToText.add(textToImage), 2f * n);
  }

  /** Unit-norm image embeddings (n, embedDim) with the current weights. */
  public Tensor encodeImages(Tensor images) {
    ensureOpen();
    try (NDManager m = manager.newSubManager()) {
      return Scoped.out(BuiltinClip.unit(block.encodeImage(parameters, image(m, images), false)));
    }
  }

  /** Unit-norm caption embeddings (n, embedDim) with the current weights. */
  public Tensor encodeTexts(List<String> captions) {
    ensureOpen();
    try (NDManager m = manager.newSubManager()) {
      return Scoped.out(BuiltinClip.unit(block.encodeText(parameters, tokens(m, captions), false)));
    }
  }

  /** The current temperature exp(logit_scale), clamped as in the loss. */
  public float logitScale() {
    float s = block.parameter("logit_scale").getArray().getFloat();
    return Math.min(MAX_LOGIT_SCALE, (float) Math.exp(s));
  }

  /**
   * Writes a candidate weight set to {@code dir}: the built-in set with {@code role} ("encoder" or
   * "judge") replaced by these weights, recording {@code training} and {@code eval}.
   */
  public void exportModel(
      Path dir, String role, String name, Map<String, Object> training, Map<String, Object> eval)
      throws IOException {
    BuiltinWeights.copyBuiltin(dir);
    BuiltinWeights.writeRole(
        dir,
        new BuiltinWeights.Entry(
            role,
            name,
            TinyClipBlock.ARCHITECTURE,
            block,
            block.config().toHyper(),
            training,
            eval));
  }

  private NDArray image(NDManager m, Tensor images) {
    return Ops.resize(Scoped.in(m, images), imageSize());
  }

  private NDArray tokens(NDManager m, List<String> captions) {
    int len = block.config().contextLength();
    long[] ids = new long[captions.size() * len];
    for (int i = 0; i < captions.size(); i++) {
      int[] t = tokenizer.encode(captions.get(i));
      for (int j = 0; j < len; j++) {
        ids[i * len + j] = t[j];
      }
    }
    return m.create(ids, new Shape(captions.size(), len));
  }
}
