package dev.overpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1, with the bias corrections folded into the step size),
 * optionally with decoupled weight decay (AdamW, Loshchilov &amp; Hutter 2019). Its moments and
 * update count are ours rather than DJL's, so that a checkpoint can hold them and a resumed run
 * continues the same trajectory instead of restarting Adam behind a fresh warm-up.
 *
 * <p>Moments are keyed by parameter name, which is stable across processes (DJL's parameter ids are
 * not).
 */
final class AdamOptimiser implements AutoCloseable {

  private static final int MAGIC = 0x4144414d; // "ADAM"
  private static final int VERSION = 1;

  /**
   * @param learningRate the step size by update count (from 1)
   * @param weightDecay decoupled weight decay; 0 for plain Adam
   */
  record Settings(
      Tracker learningRate, float beta1, float beta2, float epsilon, float weightDecay) {

    /** Kingma &amp; Ba's β1 0.9, β2 0.999, ε 1e-8. */
    static Settings standard(Tracker learningRate, float weightDecay) {
      return new Settings(learningRate, 0.9f, 0.999f, 1e-8f, weightDecay);
    }
  }

  private final Settings s;
  private final NDManager manager;
  private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
  private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
  private long updates;

  /** Moments live in a sub-manager of {@code parent}, the trainer's long-lived manager. */
  AdamOptimiser(Settings s, NDManager parent) {
    this.s = s;
    this.manager = parent.newSubManager();
  }

  /** Updates applied so far; the step-size schedule and the bias corrections follow it. */
  long updates() {
    return updates;
  }

  /**
   * One update of every parameter from its gradient times {@code gradScale} (the clipping factor).
   * The temporaries die in a scope of their own; the parameters and moments change in place.
   */
  void update(List<Map.Entry<String, Parameter>> params, List<NDArray> grads, float gradScale) {
    updates++;
    double lr = s.learningRate().getNewValue((int) updates);
    double stepSize =
        lr * Math.sqrt(1 - Math.pow(s.beta2(), updates)) / (1 - Math.pow(s.beta1(), updates));
    boolean gradMode = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try (NDManager scope = manager.newSubManager()) {
      for (int i = 0; i < params.size(); i++) {
        String name = params.get(i).getKey();
        NDArray w = params.get(i).getValue().getArray();
        NDArray g = gradScale == 1f ? grads.get(i) : inScope(grads.get(i).mul(gradScale), scope);
        NDArray m = moment(firstMoments, name, w);
        NDArray v = moment(secondMoments, name, w);
        m.muli(s.beta1()).addi(inScope(g.mul(1 - s.beta1()), scope));
        v.muli(s.beta2()).addi(inScope(g.square().muli(1 - s.beta2()), scope));
        NDArray denominator = inScope(v.sqrt(), scope).addi(s.epsilon());
        NDArray step = inScope(m.div(denominator), scope).muli((float) stepSize);
        if (s.weightDecay() > 0) {
          w.subi(inScope(w.mul((float) (lr * s.weightDecay())), scope));
        }
        w.subi(step);
      }
    } finally {
      JniUtils.setGradMode(gradMode);
    }
  }

  private static NDArray inScope(NDArray a, NDManager scope) {
    a.attach(scope);
    return a;
  }

  private NDArray moment(Map<String, NDArray> moments, String name, NDArray like) {
    return moments.computeIfAbsent(name, k -> manager.zeros(like.getShape()));
  }

  /** Writes the update count and both moments of every parameter seen so far. */
  void save(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeLong(updates);
      out.writeInt(firstMoments.size());
      for (String name : firstMoments.keySet()) {
        out.writeUTF(name);
        write(out, firstMoments.get(name));
        write(out, secondMoments.get(name));
      }
    }
  }

  /** Replaces this optimiser's state with one written by {@link #save}. */
  void load(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new IOException(file + " is not an optimiser state of version " + VERSION);
      }
      long count = in.readLong();
      int n = in.readInt();
      Map<String, NDArray> first = new LinkedHashMap<>();
      Map<String, NDArray> second = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        first.put(name, read(in));
        second.put(name, read(in));
      }
      clear();
      firstMoments.putAll(first);
      secondMoments.putAll(second);
      updates = count;
    }
  }

  private static void write(DataOutputStream out, NDArray a) throws IOException {
    long[] shape = a.getShape().getShape();
    out.writeInt(shape.length);
    for (long d : shape) {
      out.writeLong(d);
    }
    float[] values = a.toFloatArray();
    for (float f : values) {
      out.writeFloat(f);
    }
  }

  private NDArray read(DataInputStream in) throws IOException {
    long[] shape = new long[in.readInt()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = in.readLong();
    }
    float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readFloat();
    }
    // A libtorch-owned copy: the moments are updated in place for the rest of the run.
    try (NDArray wrapped = manager.create(values, new Shape(shape))) {
      return wrapped.duplicate();
    }
  }

  private void clear() {
    firstMoments.values().forEach(NDArray::close);
    secondMoments.values().forEach(NDArray::close);
    firstMoments.clear();
    secondMoments.clear();
  }

  @Override
  public void close() {
    manager.close();
  }
}
