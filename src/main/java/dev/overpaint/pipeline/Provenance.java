package dev.overpaint.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/** The provenance JSON, ASCII-only so it survives a PNG tEXt chunk (Latin-1) unchanged. */
public final class Provenance {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private Provenance() {}

  public static String toJson(Map<String, Object> metadata) {
    try {
      return MAPPER.writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("provenance is not serialisable", e);
    }
  }
}
