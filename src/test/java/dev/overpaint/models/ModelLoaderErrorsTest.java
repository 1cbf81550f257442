package dev.overpaint.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tampered copy of the built-in set must fail with a message that names the problem. */
class ModelLoaderErrorsTest {

  private static final String[] FILES = {
    "manifest.json",
    "generator.params",
    "denoiser.params",
    "encoder.params",
    "judge.params",
    "vocab.txt"
  };

  @TempDir Path dir;

  private void copyBuiltin() throws IOException {
    for (String f : FILES) {
      try (InputStream in =
          getClass().getClassLoader().getResourceAsStream("models/builtin/" + f)) {
        Files.write(dir.resolve(f), in.readAllBytes());
      }
    }
  }

  private ModelLoadException loadFails() {
    return assertThrows(
        ModelLoadException.class,
        () -> ModelRegistry.load(ModelSource.directory(dir), DeviceChoice.CPU).close());
  }

  private static void assertMentions(ModelLoadException e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' mentions " + p);
    }
  }

  private void editManifest(String from, String to) throws IOException {
    Path m = dir.resolve("manifest.json");
    String s = Files.readString(m, StandardCharsets.UTF_8);
    assertTrue(s.contains(from), "manifest contains " + from);
    Files.writeString(
        m,
        s.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
  }

  @Test
  void directoryCopyOfTheBuiltinSetLoads() throws IOException {
    copyBuiltin();
    try (ModelSet set = ModelRegistry.load(ModelSource.directory(dir), DeviceChoice.AUTO)) {
      assertTrue(set.generator().info().parameters() > 0);
    }
  }

  @Test
  void corruptWeightFileIsAShaMismatch() throws IOException {
    copyBuiltin();
    Path p = dir.resolve("denoiser.params");
    byte[] b = Files.readAllBytes(p);
    b[b.length - 10] ^= 0x55;
    Files.write(p, b);
    assertMentions(loadFails(), "sha256 mismatch", "denoiser.params", "expects", "file has");
  }

  @Test
  void missingManifestSaysWhereItLookedAndHowToFix() {
    assertMentions(
        loadFails(),
        "no model manifest",
        dir.resolve("manifest.json").toAbsolutePath().toString(),
        "overpaint.models.dir");
  }

  @Test
  void shapeMismatchNamesTheParameterAndBothShapes() throws IOException {
    copyBuiltin();
    editManifest(
        "\"name\" : \"mapping.0.weight\",\n        \"shape\" : [ 128, 128 ]",
        "\"name\" : \"mapping.0.weight\",\n        \"shape\" : [ 128, 64 ]");
    assertMentions(loadFails(), "mapping.0.weight", "[128, 64]", "[128, 128]");
  }

  @Test
  void hyperParametersThatDisagreeWithTheFileAreCaught() throws IOException {
    copyBuiltin();
    editManifest("\"baseChannels\" : 32", "\"baseChannels\" : 16");
    assertMentions(loadFails(), "denoiser", "shape", "in the manifest", "in the block");
  }

  @Test
  void unknownArchitectureListsTheKnownOnes() throws IOException {
    copyBuiltin();
    editManifest("\"architecture\" : \"unet-eps\"", "\"architecture\" : \"unet-v9\"");
    assertMentions(
        loadFails(), "unknown architecture 'unet-v9'", "stylegan2-tiny", "unet-eps", "tinyclip");
  }

  @Test
  void torchscriptIsReservedButNotSupportedYet() throws IOException {
    copyBuiltin();
    editManifest("\"architecture\" : \"tinyclip\"", "\"architecture\" : \"torchscript\"");
    assertMentions(loadFails(), "torchscript", "not supported yet");
  }

  @Test
  void gpuWithoutAGpuIsAClearError() {
    if (Engine.getInstance().getGpuCount() > 0) {
      return; // a machine with a GPU cannot show this error
    }
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () -> ModelRegistry.load(ModelSource.builtin(), DeviceChoice.GPU));
    assertMentions(e, "overpaint.device=gpu", "no GPU");
  }
}
