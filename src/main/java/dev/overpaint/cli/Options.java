package dev.overpaint.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** --name value pairs, checked against the names a command accepts. */
final class Options {

  private final Map<String, String> values = new LinkedHashMap<>();

  private Options() {}

  static Options parse(String[] args, Set<String> known, Set<String> flags) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new UsageException("unexpected argument '" + a + "'");
      }
      String name = a.substring(2);
      int eq = name.indexOf('=');
      if (eq >= 0) {
        o.put(known, name.substring(0, eq), name.substring(eq + 1));
      } else if (flags.contains(name)) {
        o.values.put(name, "true");
      } else if (i + 1 < args.length) {
        o.put(known, name, args[++i]);
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
    }
    return o;
  }

  private void put(Set<String> known, String name, String value) {
    if (!known.contains(name)) {
      throw new UsageException("unknown option --" + name);
    }
    values.put(name, value);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  Long getLong(String name) {
    return values.containsKey(name) ? parse(name, Long::valueOf) : null;
  }

  Integer getInt(String name) {
    return values.containsKey(name) ? parse(name, Integer::valueOf) : null;
  }

  Double getDouble(String name) {
    return values.containsKey(name) ? parse(name, Double::valueOf) : null;
  }

  private <T> T parse(String name, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(values.get(name));
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number, not '" + values.get(name) + "'");
    }
  }

  /** --models-dir as a weight source, or the built-in models when it is absent. */
  dev.overpaint.models.ModelSource modelSource() {
    return has("models-dir")
        ? dev.overpaint.models.ModelSource.directory(GenerateCommand.resolve(get("models-dir", "")))
        : dev.overpaint.models.ModelSource.builtin();
  }
}
