package dev.overpaint.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes weight sets in the form {@link ModelRegistry} reads: {@code <role>.params} from {@code
 * block.saveParameters} plus manifest.json with sha256, hyper-parameters and shapes. {@link
 * #writeInitialised} makes the untrained built-in set; trainers overwrite a role through {@link
 * #writeRole}.
 *
 * <p>Run: {@code java -cp target/classes:$(cat target/cli-classpath.txt)
 * dev.overpaint.models.BuiltinWeights src/main/resources/models/builtin 1234}
 */
public final class BuiltinWeights {

  /** Latents averaged for the initial w_avg. */
  static final int W_AVG_SAMPLES = 4096;

  private BuiltinWeights() {}

  /** What one role's entry records besides the block itself. */
  record Entry(
      String role,
      String name,
      String architecture,
      FlatBlock block,
      Map<String, Object> hyper,
      Map<String, Object> training,
      Map<String, Object> eval) {}

  public static void main(String[] args) throws IOException {
    if (args.length == 4 && args[0].equals("install")) {
      installRole(Path.of(args[1]), Path.of(args[2]), args[3]);
      System.out.println("installed " + args[3] + " from " + args[1] + " into " + args[2]);
      return;
    }
    if (args.length == 4 && args[0].equals("grow-denoiser")) {
      DenoiserTraining.growLegacy(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
      System.out.println("grew " + args[1] + " into " + args[2]);
      return;
    }
    if (args.length != 2) {
      System.err.println(
          "usage: BuiltinWeights <outDir> <seed> | BuiltinWeights install <fromDir> <toDir> <role>"
              + " | BuiltinWeights grow-denoiser <legacy.params> <out.params> <seed>");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    writeInitialised(dir, Long.parseLong(args[1]));
    System.out.println("wrote initialised weights to " + dir.toAbsolutePath());
  }

  /**
   * Initialises generator, denoiser and encoder from {@code seed} and writes them with
   * manifest.json and vocab.txt (an existing vocab.txt in {@code dir} is kept: it fixes the
   * encoder's vocabulary size).
   */
  public static void writeInitialised(Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    List<String> vocab = vocabFor(dir);
    CaptionTokenizer tokenizer = new CaptionTokenizer(vocab, CaptionTokenizer.CONTEXT_LENGTH);
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      StyleGan2Block g = new StyleGan2Block(StyleGan2Block.Config.defaults(64));
      initialise(g, m, seed);
      g.computeWAvg(m, W_AVG_SAMPLES, seed);
      writeRole(
          dir,
          new Entry(
              "generator",
              "builtin-stylegan2-tiny",
              StyleGan2Block.ARCHITECTURE,
              g,
              g.config().toHyper(),
              untrained(seed),
              Map.of()));

      UNetBlock d = new UNetBlock(UNetBlock.Config.defaults());
      initialise(d, m, seed + 1);
      writeRole(
          dir,
          new Entry(
              "denoiser",
              "builtin-unet-eps-tiny",
              UNetBlock.ARCHITECTURE,
              d,
              d.config().toHyper(),
              untrained(seed + 1),
              Map.of()));

      TinyClipBlock e =
          new TinyClipBlock(
              TinyClipBlock.Config.defaults(tokenizer.vocabSize()),
              tokenizer.id(CaptionTokenizer.EOS));
      initialise(e, m, seed + 2);
      Map<String, Object> hyper = e.config().toHyper();
      writeRole(
          dir,
          new Entry(
              "encoder",
              "builtin-tinyclip",
              TinyClipBlock.ARCHITECTURE,
              e,
              hyper,
              untrained(seed + 2),
              Map.of()));
    }
  }

  /** Seeds the engine generator, then draws every parameter from it. */
  private static void initialise(FlatBlock block, NDManager m, long seed) {
    Engine.getInstance().setRandomSeed((int) seed);
    block.initializeAll(m);
  }

  private static Map<String, Object> untrained(long seed) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("steps", 0);
    t.put("seed", seed);
    t.put("dataset", "none (initialised, untrained)");
    return t;
  }

  /** Writes {@code <role>.params} and replaces that role's entry in dir/manifest.json. */
  static void writeRole(Path dir, Entry e) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      e.block().saveParameters(out);
    }
    byte[] data = bytes.toByteArray();
    String file = e.role() + ".params";
    Files.write(dir.resolve(file), data);

    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", e.name());
    entry.put("architecture", e.architecture());
    entry.put("file", file);
    entry.put("sha256", Manifest.sha256(data));
    if (e.block() instanceof TinyClipBlock) {
      entry.put("vocab", "vocab.txt");
    }
    entry.put("parameterCount", e.block().parameterCount());
    entry.put("hyper", e.hyper());
    entry.put("parameters", Manifest.parameterList(e.block()));
    entry.put("training", e.training());
    entry.put("eval", e.eval());
    updateManifest(dir, e.role(), entry);
  }

  /** Replaces the "eval" object of {@code role}'s entry in dir/manifest.json. */
  @SuppressWarnings("unchecked")
  public static void recordEval(Path dir, String role, Map<String, Object> eval)
      throws IOException {
    Path path = dir.resolve(Manifest.FILE);
    Map<String, Object> manifest = Manifest.parse(Files.readAllBytes(path), path.toString());
    Map<String, Object> entry =
        (Map<String, Object>) ((Map<String, Object>) manifest.get("models")).get(role);
    if (entry == null) {
      throw new ModelLoadException(path + " has no " + role + " entry");
    }
    entry.put("eval", eval);
    Files.write(path, Manifest.serialise(manifest));
  }

  @SuppressWarnings("unchecked")
  private static void updateManifest(Path dir, String role, Map<String, Object> entry)
      throws IOException {
    Path path = dir.resolve(Manifest.FILE);
    Map<String, Object> manifest = new LinkedHashMap<>();
    Map<String, Object> models = new LinkedHashMap<>();
    if (Files.exists(path)) {
      Map<String, Object> old = Manifest.parse(Files.readAllBytes(path), path.toString());
      models.putAll((Map<String, Object>) old.get("models"));
    }
    models.put(role, entry);
    // Keep roles in a stable order so rewrites diff cleanly.
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String r : Manifest.ROLES) {
      if (models.containsKey(r)) {
        ordered.put(r, models.get(r));
      }
    }
    models.forEach(ordered::putIfAbsent);
    manifest.put("version", Manifest.VERSION);
    manifest.put("models", ordered);
    Files.write(path, Manifest.serialise(manifest));
  }

  /**
   * Copies the built-in set from the classpath into {@code dir} (manifest, every role's weight
   * file, vocab.txt), overwriting what is there: the base of a trainer's candidate set.
   */
  @SuppressWarnings("unchecked")
  static void copyBuiltin(Path dir) throws IOException {
    Files.createDirectories(dir);
    byte[] manifest = builtinResource(Manifest.FILE);
    Map<String, Object> m = Manifest.parse(manifest, "classpath:" + Manifest.FILE);
    for (Object entry : ((Map<String, Object>) m.get("models")).values()) {
      String file = (String) ((Map<String, Object>) entry).get("file");
      Files.write(dir.resolve(file), builtinResource(file));
    }
    Files.write(dir.resolve("vocab.txt"), builtinResource("vocab.txt"));
    Files.write(dir.resolve(Manifest.FILE), manifest);
  }

  /** The tokenizer over the built-in vocabulary. */
  static CaptionTokenizer builtinTokenizer() {
    try (InputStream in = new ByteArrayInputStream(builtinResource("vocab.txt"))) {
      return new CaptionTokenizer(CaptionTokenizer.readVocab(in), CaptionTokenizer.CONTEXT_LENGTH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies one role (weight file and manifest entry, sha256 included) from the weight set in {@code
   * from} into the one in {@code to}, leaving the other roles of {@code to} untouched: how a
   * trained candidate is installed into src/main/resources/models/builtin.
   */
  @SuppressWarnings("unchecked")
  public static void installRole(Path from, Path to, String role) throws IOException {
    Path src = from.resolve(Manifest.FILE);
    Map<String, Object> m = Manifest.parse(Files.readAllBytes(src), src.toString());
    Object entry = ((Map<String, Object>) m.get("models")).get(role);
    if (!(entry instanceof Map)) {
      throw new IOException(src + " has no role " + role);
    }
    Map<String, Object> e = (Map<String, Object>) entry;
    String file = (String) e.get("file");
    byte[] data = Files.readAllBytes(from.resolve(file));
    if (!Manifest.sha256(data).equals(e.get("sha256"))) {
      throw new IOException(from.resolve(file) + " does not match its manifest sha256");
    }
    Files.write(to.resolve(file), data);
    updateManifest(to, role, e);
  }

  private static byte[] builtinResource(String name) throws IOException {
    try (InputStream in =
        BuiltinWeights.class
            .getClassLoader()
            .getResourceAsStream(ModelRegistry.BUILTIN_PREFIX + name)) {
      if (in == null) {
        throw new IOException("no built-in " + name + " on the classpath");
      }
      return in.readAllBytes();
    }
  }

  /** dir/vocab.txt if present, else the built-in vocabulary copied into dir. */
  private static List<String> vocabFor(Path dir) throws IOException {
    Path target = dir.resolve("vocab.txt");
    if (!Files.exists(target)) {
      try (InputStream in =
          BuiltinWeights.class
              .getClassLoader()
              .getResourceAsStream(ModelRegistry.BUILTIN_PREFIX + "vocab.txt")) {
        if (in == null) {
          throw new UncheckedIOException(new IOException("no built-in vocab.txt on the classpath"));
        }
        Files.write(target, in.readAllBytes());
      }
    }
    try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(target))) {
      return CaptionTokenizer.readVocab(in);
    }
  }
}
