package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny CLIP (Radford et al. 2021, "Learning Transferable Visual Models From Natural Language
 * Supervision"): a strided-conv image encoder (GroupNorm + SiLU, global average pool, linear) and a
 * pre-LN causal transformer text encoder pooled at the EOS token, both projected into one embedding
 * space, plus the learned logit scale initialised to log(1/0.07).
 *
 * <p>Inputs of {@link #forward}: images (n, 3, imageSize, imageSize) and tokens (m, contextLength)
 * as int64. Outputs: image embeddings (n, embedDim), text embeddings (m, embedDim), both
 * unnormalised, and the logit scale (1).
 */
final class TinyClipBlock extends FlatBlock {

  static final String ARCHITECTURE = "tinyclip";

  /** Architecture hyper-parameters. */
  record Config(
      int imageSize,
      int[] imageChannels,
      int groups,
      int embedDim,
      int vocabSize,
      int contextLength,
      int width,
      int heads,
      int layers) {

    static Config defaults(int vocabSize) {
      return new Config(
          64,
          new int[] {32, 64, 128, 128},
          8,
          128,
          vocabSize,
          CaptionTokenizer.CONTEXT_LENGTH,
          128,
          4,
          2);
    }

    static Config fromHyper(Map<String, Object> h) {
      Config d = defaults(0);
      return new Config(
          Hyper.intOf(h, "imageSize", d.imageSize),
          Hyper.intsOf(h, "imageChannels", d.imageChannels),
          Hyper.intOf(h, "groups", d.groups),
          Hyper.intOf(h, "embedDim", d.embedDim),
          Hyper.intOf(h, "vocabSize", d.vocabSize),
          Hyper.intOf(h, "contextLength", d.contextLength),
          Hyper.intOf(h, "width", d.width),
          Hyper.intOf(h, "heads", d.heads),
          Hyper.intOf(h, "layers", d.layers));
    }

    Map<String, Object> toHyper() {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("imageSize", imageSize);
      h.put("imageChannels", java.util.Arrays.stream(imageChannels).boxed().toList());
      h.put("groups", groups);
      h.put("embedDim", embedDim);
      h.put("vocabSize", vocabSize);
      h.put("contextLength", contextLength);
      h.put("width", width);
      h.put("heads", heads);
      h.put("layers", layers);
      h.put("causal", true);
      h.put("pooling", "eos");
      return h;
    }
  }

  private record ConvNorm(
      Parameter weight, Parameter bias, Parameter gamma, Parameter beta, int stride) {}

  private record Layer(
      Parameter ln1G,
      Parameter ln1B,
      Parameter qkvW,
      Parameter qkvB,
      Parameter projW,
      Parameter projB,
      Parameter ln2G,
      Parameter ln2B,
      Parameter fc1W,
      Parameter fc1B,
      Parameter fc2W,
      Parameter fc2B) {}

  private final Config config;
  private final int eosId;
  private final List<ConvNorm> visual = new ArrayList<>();
  private final Parameter visualProjW;
  private final Parameter visualProjB;
  private final Parameter tokenEmbedding;
  private final Parameter positionalEmbedding;
  private final List<Layer> layers = new ArrayList<>();
  private final Parameter lnFinalG;
  private final Parameter lnFinalB;
  private final Parameter textProj;
  private final Parameter logitScale;

  TinyClipBlock(Config config, int eosId) {
    super((byte) 1);
    this.config = config;
    this.eosId = eosId;
    int in = 3;
    for (int i = 0; i < config.imageChannels.length; i++) {
      int out = config.imageChannels[i];
      String n = "visual.conv" + i;
      visual.add(
          new ConvNorm(
              param(n + ".weight", fanIn(in * 9L), out, in, 3, 3),
              param(n + ".bias", Initializer.ZEROS, 1, out, 1, 1),
              param(n + ".gamma", Initializer.ONES, 1, out, 1, 1),
              param(n + ".beta", Initializer.ZEROS, 1, out, 1, 1),
              i == 0 ? 1 : 2));
      in = out;
    }
    visualProjW = param("visual.proj.weight", fanIn(in), config.embedDim, in);
    visualProjB = param("visual.proj.bias", Initializer.ZEROS, config.embedDim);
    int d = config.width;
    tokenEmbedding = param("text.token_embedding", Ops.normal(0.02), config.vocabSize, d);
    positionalEmbedding =
        param("text.positional_embedding", Ops.normal(0.01), config.contextLength, d);
    for (int l = 0; l < config.layers; l++) {
      String n = "text.layer" + l;
      layers.add(
          new Layer(
              param(n + ".ln1.gamma", Initializer.ONES, d),
                  param(n + ".ln1.beta", Initializer.ZEROS, d),
              param(n + ".attn.qkv.weight", fanIn(d), 3L * d, d),
                  param(n + ".attn.qkv.bias", Initializer.ZEROS, 3L * d),
              param(n + ".attn.proj.weight", fanIn(d), d, d),
                  param(n + ".attn.proj.bias", Initializer.ZEROS, d),
              param(n + ".ln2.gamma", Initializer.ONES, d),
                  param(n + ".ln2.beta", Initializer.ZEROS, d),
              param(n + ".mlp.fc1.weight", fanIn(d), 4L * d, d),
                  param(n + ".mlp.fc1.bias", Initializer.ZEROS, 4L * d),
              param(n + ".mlp.fc2.weight", fanIn(4L * d), d, 4L * d),
                  param(n + ".mlp.fc2.bias", Initializer.ZEROS, d)));
    }
    lnFinalG = param("text.ln_final.gamma", Initializer.ONES, d);
    lnFinalB = param("text.ln_final.beta", Initializer.ZEROS, d);
    textProj = param("text.proj.weight", fanIn(d), config.embedDim, d);
    logitScale = param("logit_scale", Ops.constant((float) Math.log(1 / 0.07)), 1);
  }

  private static Initializer fanIn(long fanIn) {
    return Ops.normal(Math.sqrt(1.0 / fanIn));
  }

  Config config() {
    return config;
  }

  @Override
  Shape[] initShapes() {
    return new Shape[] {
      new Shape(1, 3, config.imageSize, config.imageSize), new Shape(1, config.contextLength)
    };
  }

  @Override
  Shape[] outputShapes(Shape[] in) {
    return new Shape[] {
      new Shape(in[0].get(0), config.embedDim),
      new Shape(in[1].get(0), config.embedDim),
      new Shape(1)
    };
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray img = encodeImage(ps, inputs.get(0), training);
    NDArray txt = encodeText(ps, inputs.get(1), training);
    NDArray scale = img.getManager().zeros(new Shape(1)).add(value(ps, logitScale, img, training));
    return new NDList(img, txt, scale);
  }

  /** images (n, 3, imageSize, imageSize) → unnormalised embeddings (n, embedDim). */
  NDArray encodeImage(ParameterStore ps, NDArray x, boolean training) {
    NDArray h = x;
    for (ConvNorm c : visual) {
      h = Ops.conv(h, value(ps, c.weight, h, training), null, c.stride);
      h = h.add(value(ps, c.bias, h, training));
      h =
          Ops.silu(
              Ops.groupNorm(
                  h,
                  config.groups,
                  value(ps, c.gamma, h, training),
                  value(ps, c.beta, h, training)));
    }
    Shape hs = h.getShape();
    NDArray pooled =
        h.reshape(hs.get(0), hs.get(1), -1).mean(new int[] {2}); // mean takes one axis here
    return Linear.linear(
            pooled,
            value(ps, visualProjW, pooled, training),
            value(ps, visualProjB, pooled, training))
        .singletonOrThrow();
  }

  /** tokens (m, contextLength) int64 → unnormalised embeddings (m, embedDim), pooled at EOS. */
  NDArray encodeText(ParameterStore ps, NDArray tokens, boolean training) {
    NDManager m = tokens.getManager();
    // Token lookup as one-hot × table: differentiable in the table and free of sparse-grad quirks.
    NDArray oneHot = tokens.oneHot(config.vocabSize).toType(DataType.FLOAT32, false);
    NDArray x = oneHot.matMul(value(ps, tokenEmbedding, oneHot, training));
    x = x.add(value(ps, positionalEmbedding, x, training));
    NDArray mask = causalMask(m);
    for (Layer l : layers) {
      x = x.add(attention(ps, l, layerNorm(x, ps, l.ln1G, l.ln1B, training), mask, training));
      x = x.add(mlp(ps, l, layerNorm(x, ps, l.ln2G, l.ln2B, training), training));
    }
    x = layerNorm(x, ps, lnFinalG, lnFinalB, training);
    NDArray eos = tokens.eq(eosId).toType(DataType.FLOAT32, false).expandDims(2);
    NDArray pooled = x.mul(eos).sum(new int[] {1});
    return Linear.linear(pooled, value(ps, textProj, pooled, training)).singletonOrThrow();
  }

  private NDArray layerNorm(
      NDArray x, ParameterStore ps, Parameter g, Parameter b, boolean training) {
    return LayerNorm.layerNorm(
            x, new Shape(config.width), value(ps, g, x, training), value(ps, b, x, training), 1e-5f)
        .singletonOrThrow();
  }

  /** Additive mask: position i attends to j ≤ i only, as in CLIP's text transformer. */
  private NDArray causalMask(NDManager m) {
    int len = config.contextLength;
    float[] mask = new float[len * len];
    for (int i = 0; i < len; i++) {
      for (int j = i + 1; j < len; j++) {
        mask[i * len + j] = -1e9f;
      }
    }
    return m.create(mask, new Shape(1, 1, len, len));
  }

  /** Multi-head scaled dot-product self-attention (Vaswani et al. 2017). */
  private NDArray attention(ParameterStore ps, Layer l, NDArray x, NDArray mask, boolean training) {
    Shape s = x.getShape();
    long n = s.get(0);
    long len = s.get(1);
    int d = config.width;
    int heads = config.heads;
    int dh = d / heads;
    NDArray qkv =
        Linear.linear(x, value(ps, l.qkvW, x, training), value(ps, l.qkvB, x, training))
            .singletonOrThrow();
    // (n, len, 3, heads, dh) → (3, n, heads, len, dh)
    qkv = qkv.reshape(n, len, 3, heads, dh).transpose(2, 0, 3, 1, 4);
    NDList parts = qkv.split(3, 0);
    NDArray q = parts.get(0).squeeze(0);
    NDArray k = parts.get(1).squeeze(0);
    NDArray v = parts.get(2).squeeze(0);
    NDArray scores =
        Ops.times(q.matMul(k.transpose(0, 1, 3, 2)), 1f / (float) Math.sqrt(dh)).add(mask);
    NDArray out = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(n, len, d);
    return Linear.linear(out, value(ps, l.projW, out, training), value(ps, l.projB, out, training))
        .singletonOrThrow();
  }

  private NDArray mlp(ParameterStore ps, Layer l, NDArray x, boolean training) {
    NDArray h =
        Linear.linear(x, value(ps, l.fc1W, x, training), value(ps, l.fc1B, x, training))
            .singletonOrThrow();
    h = h.getNDArrayInternal().gelu();
    return Linear.linear(h, value(ps, l.fc2W, h, training), value(ps, l.fc2B, h, training))
        .singletonOrThrow();
  }
}
