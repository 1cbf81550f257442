package dev.overpaint.models;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Loads a weight set: reads manifest.json, checks every weight file's sha256, builds each block
 * from its hyper-parameters, checks parameter names and shapes against the manifest and the block,
 * then loads the values. Every failure is a {@link ModelLoadException} that names the file,
 * parameter or architecture at fault.
 */
public final class ModelRegistry {

  /** Architectures the loader can build; "torchscript" is reserved for imported weights. */
  public static final List<String> ARCHITECTURES =
      List.of(StyleGan2Block.ARCHITECTURE, UNetBlock.ARCHITECTURE, TinyClipBlock.ARCHITECTURE);

  static final String BUILTIN_PREFIX = "models/builtin/";

  private ModelRegistry() {}

  /**
   * Loads the generator, denoiser and encoder of {@code source} onto the chosen device, and the
   * judge encoder when the manifest has one.
   */
  public static ModelSet load(ModelSource source, DeviceChoice choice) {
    Device device = device(choice);
    Origin origin = Origin.of(source);
    Map<String, Object> manifest =
        Manifest.parse(origin.manifestBytes(), origin.where(Manifest.FILE));
    NDManager root = NDManager.newBaseManager(device);
    List<Scoped<?>> opened = new ArrayList<>();
    try {
      BuiltinGenerator g = (BuiltinGenerator) open("generator", manifest, origin, root, opened);
      BuiltinDenoiser d = (BuiltinDenoiser) open("denoiser", manifest, origin, root, opened);
      BuiltinClip e = (BuiltinClip) open("encoder", manifest, origin, root, opened);
      BuiltinClip j =
          hasRole(manifest, "judge")
              ? (BuiltinClip) open("judge", manifest, origin, root, opened)
              : null;
      return new ModelSet(g, d, e, j, deviceName(device), root);
    } catch (RuntimeException ex) {
      opened.forEach(Scoped::close);
      root.close();
      throw ex;
    }
  }

  /** AUTO takes a GPU when the engine sees one; GPU without one is an error, not a fallback. */
  static Device device(DeviceChoice choice) {
    int gpus = Engine.getInstance().getGpuCount();
    return switch (choice) {
      case CPU -> Device.cpu();
      case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
      case GPU -> {
        if (gpus == 0) {
          throw new ModelLoadException(
              "overpaint.device=gpu but the "
                  + Engine.getInstance().getEngineName()
                  + " engine sees no GPU (this build bundles the CPU libtorch; point PYTORCH_LIBRARY_PATH"
                  + " at a CUDA libtorch, or set overpaint.device=cpu or auto)");
        }
        yield Device.gpu();
      }
    };
  }

  static String deviceName(Device device) {
    return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : device.getDeviceType();
  }

  private static Scoped<?> open(
      String role,
      Map<String, Object> manifest,
      Origin origin,
      NDManager root,
      List<Scoped<?>> opened) {
    Map<String, Object> entry = entry(manifest, role, origin);
    String architecture = string(entry, "architecture", role, origin);
    String file = string(entry, "file", role, origin);
    @SuppressWarnings("unchecked")
    Map<String, Object> hyper =
        entry.get("hyper") instanceof Map<?, ?> h ? (Map<String, Object>) h : Map.of();
    CaptionTokenizer tokenizer =
        architecture.equals(TinyClipBlock.ARCHITECTURE) ? tokenizer(entry, origin) : null;
    FlatBlock block = build(role, architecture, hyper, tokenizer);
    byte[] bytes = origin.read(file);
    checkSha(entry, bytes, origin.where(file));
    checkShapes(role, entry, block, origin.where(Manifest.FILE));
    NDManager manager = root.newSubManager();
    try {
      load(block, manager, bytes, origin.where(file));
    } catch (RuntimeException ex) {
      manager.close();
      throw ex;
    }
    block.freeze();
    ModelInfo info =
        new ModelInfo(
            role,
            string(entry, "name", role, origin),
            architecture,
            (String) entry.get("sha256"),
            block.parameterCount(),
            hyper,
            training(entry));
    Scoped<?> model =
        switch (role) {
          case "generator" ->
              new BuiltinGenerator(expect(block, StyleGan2Block.class, role), manager, info);
          case "denoiser" ->
              new BuiltinDenoiser(expect(block, UNetBlock.class, role), manager, info);
          default ->
              new BuiltinClip(expect(block, TinyClipBlock.class, role), manager, info, tokenizer);
        };
    opened.add(model);
    return model;
  }

  /** The architecture string selects the block class: the seam for future architectures. */
  static FlatBlock build(
      String role, String architecture, Map<String, Object> hyper, CaptionTokenizer tokenizer) {
    return switch (architecture) {
      case StyleGan2Block.ARCHITECTURE ->
          new StyleGan2Block(StyleGan2Block.Config.fromHyper(hyper));
      case UNetBlock.ARCHITECTURE -> new UNetBlock(UNetBlock.Config.fromHyper(hyper));
      case TinyClipBlock.ARCHITECTURE ->
          new TinyClipBlock(
              TinyClipBlock.Config.fromHyper(hyper), tokenizer.id(CaptionTokenizer.EOS));
      case "torchscript" ->
          throw new ModelLoadException(
              role
                  + ": architecture 'torchscript' is not supported yet (reserved for imported"
                  + " pretrained weights); known architectures: "
                  + ARCHITECTURES);
      default ->
          throw new ModelLoadException(
              role
                  + ": unknown architecture '"
                  + architecture
                  + "'; known architectures: "
                  + ARCHITECTURES);
    };
  }

  private static <T extends FlatBlock> T expect(FlatBlock block, Class<T> type, String role) {
    if (!type.isInstance(block)) {
      throw new ModelLoadException(
          role
              + " needs a "
              + type.getSimpleName()
              + " architecture, the manifest gives "
              + block.getClass().getSimpleName());
    }
    return type.cast(block);
  }

  private static CaptionTokenizer tokenizer(Map<String, Object> entry, Origin origin) {
    String file = entry.get("vocab") instanceof String s ? s : "vocab.txt";
    try (InputStream in = new ByteArrayInputStream(origin.read(file))) {
      return new CaptionTokenizer(CaptionTokenizer.readVocab(in), CaptionTokenizer.CONTEXT_LENGTH);
    } catch (IOException e) {
      throw new ModelLoadException(
          "cannot read vocabulary " + origin.where(file) + ": " + e.getMessage(), e);
    }
  }

  private static void checkSha(Map<String, Object> entry, byte[] bytes, String where) {
    String expected = String.valueOf(entry.get("sha256"));
    String actual = Manifest.sha256(bytes);
    if (!actual.equalsIgnoreCase(expected)) {
      throw new ModelLoadException(
          "sha256 mismatch for "
              + where
              + ": manifest expects "
              + expected
              + ", file has "
              + actual
              + " (the file is corrupt or was replaced without updating manifest.json)");
    }
  }

  /** Names and shapes: the manifest's list against the block's, in file order. */
  private static void checkShapes(
      String role, Map<String, Object> entry, FlatBlock block, String where) {
    if (!(entry.get("parameters") instanceof List<?> listed)) {
      throw new ModelLoadException(where + ": " + role + " has no \"parameters\" list");
    }
    List<Pair<String, Parameter>> actual = block.getParameters().stream().toList();
    if (listed.size() != actual.size()) {
      throw new ModelLoadException(
          where
              + ": "
              + role
              + " lists "
              + listed.size()
              + " parameters, the "
              + block.getClass().getSimpleName()
              + " built from its hyper-parameters has "
              + actual.size());
    }
    for (int i = 0; i < actual.size(); i++) {
      Map<?, ?> p = (Map<?, ?>) listed.get(i);
      String name = actual.get(i).getKey();
      long[] blockShape = actual.get(i).getValue().getShape().getShape();
      long[] manifestShape = toLongs(p.get("shape"));
      if (!name.equals(p.get("name"))) {
        throw new ModelLoadException(
            where
                + ": "
                + role
                + " parameter "
                + i
                + " is '"
                + p.get("name")
                + "' in the manifest but '"
                + name
                + "' in the block");
      }
      if (!Arrays.equals(blockShape, manifestShape)) {
        throw new ModelLoadException(
            where
                + ": "
                + role
                + " parameter '"
                + name
                + "' has shape "
                + Arrays.toString(manifestShape)
                + " in the manifest but "
                + Arrays.toString(blockShape)
                + " in the block");
      }
    }
  }

  private static long[] toLongs(Object shape) {
    if (!(shape instanceof List<?> list)) {
      return new long[0];
    }
    return list.stream().mapToLong(o -> ((Number) o).longValue()).toArray();
  }

  /** Loads values and checks that the file's arrays have the block's shapes. */
  private static void load(FlatBlock block, NDManager manager, byte[] bytes, String where) {
    List<Shape> expected =
        block.getParameters().values().stream().map(Parameter::getShape).toList();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      block.loadParameters(manager, in);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      throw new ModelLoadException(
          "cannot load parameters from " + where + ": " + e.getMessage(), e);
    }
    List<Pair<String, Parameter>> loaded = block.getParameters().stream().toList();
    for (int i = 0; i < loaded.size(); i++) {
      Shape got = loaded.get(i).getValue().getArray().getShape();
      if (!got.equals(expected.get(i))) {
        throw new ModelLoadException(
            where
                + ": parameter '"
                + loaded.get(i).getKey()
                + "' has shape "
                + got
                + " in the file but "
                + expected.get(i)
                + " in the block");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean hasRole(Map<String, Object> manifest, String role) {
    return ((Map<String, Object>) manifest.get("models")).containsKey(role);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entry(
      Map<String, Object> manifest, String role, Origin origin) {
    Object e = ((Map<String, Object>) manifest.get("models")).get(role);
    if (!(e instanceof Map)) {
      throw new ModelLoadException(origin.where(Manifest.FILE) + " has no \"" + role + "\" model");
    }
    return (Map<String, Object>) e;
  }

  private static String string(Map<String, Object> entry, String key, String role, Origin origin) {
    if (entry.get(key) instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new ModelLoadException(
        origin.where(Manifest.FILE) + ": " + role + " lacks \"" + key + "\"");
  }

  /** Where the files of a source are read from: the classpath or a directory. */
  private record Origin(Path dir) {

    static Origin of(ModelSource source) {
      return new Origin(source.directory().orElse(null));
    }

    String where(String file) {
      return dir == null
          ? "classpath:" + BUILTIN_PREFIX + file
          : dir.resolve(file).toAbsolutePath().toString();
    }

    byte[] manifestBytes() {
      try {
        return readOrNull(Manifest.FILE);
      } catch (ModelLoadException e) {
        String fix =
            dir == null
                ? "restore src/main/resources/models/builtin (or rerun dev.overpaint.models.BuiltinWeights)"
                : "set overpaint.models.dir to a directory holding manifest.json, or unset it to use the built-in models";
        throw new ModelLoadException(
            "no model manifest at " + where(Manifest.FILE) + "; " + fix, e);
      }
    }

    byte[] read(String file) {
      return readOrNull(file);
    }

    private byte[] readOrNull(String file) {
      if (file.contains("..") || file.startsWith("/")) {
        throw new ModelLoadException(
            "weight file name '" + file + "' must be relative and stay inside the set");
      }
      try {
        if (dir != null) {
          return Files.readAllBytes(dir.resolve(file));
        }
        try (InputStream in = resource(BUILTIN_PREFIX + file)) {
          if (in == null) {
            throw new ModelLoadException("missing " + where(file));
          }
          return in.readAllBytes();
        }
      } catch (IOException e) {
        throw new ModelLoadException("cannot read " + where(file) + ": " + e, e);
      }
    }

    private static InputStream resource(String name) {
      ClassLoader tccl = Thread.currentThread().getContextClassLoader();
      InputStream in = tccl == null ? null : tccl.getResourceAsStream(name);
      return in != null ? in : ModelRegistry.class.getClassLoader().getResourceAsStream(name);
    }
  }

  /** The manifest's training record (steps, seed, dataset, wall time), empty when absent. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> training(Map<String, Object> entry) {
    Object t = entry.get("training");
    return t instanceof Map<?, ?> m ? Map.copyOf((Map<String, Object>) m) : Map.of();
  }
}
