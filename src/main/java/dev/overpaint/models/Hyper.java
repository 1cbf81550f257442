package dev.overpaint.models;

import java.util.List;
import java.util.Map;

/** Reads architecture hyper-parameters from a manifest's "hyper" object with clear errors. */
final class Hyper {

  private Hyper() {}

  static int intOf(Map<String, Object> hyper, String key, int fallback) {
    Object v = hyper.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw new ModelLoadException("hyper-parameter '" + key + "' must be an integer, got " + v);
  }

  static double doubleOf(Map<String, Object> hyper, String key, double fallback) {
    Object v = hyper.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new ModelLoadException("hyper-parameter '" + key + "' must be a number, got " + v);
  }

  static String stringOf(Map<String, Object> hyper, String key, String fallback) {
    Object v = hyper.get(key);
    return v == null ? fallback : v.toString();
  }

  static int[] intsOf(Map<String, Object> hyper, String key, int[] fallback) {
    Object v = hyper.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof List<?> list) {
      int[] out = new int[list.size()];
      for (int i = 0; i < out.length; i++) {
        if (!(list.get(i) instanceof Number n)) {
          throw new ModelLoadException(
              "hyper-parameter '" + key + "' must list integers, got " + v);
        }
        out[i] = n.intValue();
      }
      return out;
    }
    throw new ModelLoadException("hyper-parameter '" + key + "' must be a list, got " + v);
  }
}
