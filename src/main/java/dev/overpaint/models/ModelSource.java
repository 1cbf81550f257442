package dev.overpaint.models;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where weights come from: the built-in set on the classpath ({@code models/builtin/}), or a
 * directory holding a {@code manifest.json} of the same form.
 */
public record ModelSource(Optional<Path> directory) {

  public static ModelSource builtin() {
    return new ModelSource(Optional.empty());
  }

  public static ModelSource directory(Path dir) {
    return new ModelSource(Optional.of(dir));
  }

  public String describe() {
    return directory
        .map(d -> "directory " + d.toAbsolutePath())
        .orElse("built-in models (classpath models/builtin/)");
  }
}
