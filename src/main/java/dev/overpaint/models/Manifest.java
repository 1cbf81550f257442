package dev.overpaint.models;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest.json that describes a weight set: per role its name, architecture, weight file,
 * sha256, hyper-parameters, parameter names and shapes, training record and evaluation record.
 */
final class Manifest {

  static final String FILE = "manifest.json";
  static final int VERSION = 1;
  static final List<String> ROLES = List.of("generator", "denoiser", "encoder", "judge");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Manifest() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(byte[] bytes, String where) {
    try {
      Map<String, Object> m = JSON.readValue(bytes, Map.class);
      if (!(m.get("models") instanceof Map)) {
        throw new ModelLoadException(where + " has no \"models\" object");
      }
      return m;
    } catch (IOException e) {
      throw new ModelLoadException(where + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  static byte[] serialise(Map<String, Object> manifest) {
    try {
      return JSON.writeValueAsBytes(manifest);
    } catch (IOException e) {
      throw new IllegalStateException("manifest does not serialise", e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** [{"name": .., "shape": [..]}, ..] in the block's parameter (= file) order. */
  static List<Map<String, Object>> parameterList(FlatBlock block) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", p.getKey());
      List<Long> shape = new ArrayList<>();
      for (long d : p.getValue().getShape().getShape()) {
        shape.add(d);
      }
      entry.put("shape", shape);
      list.add(entry);
    }
    return list;
  }
}
