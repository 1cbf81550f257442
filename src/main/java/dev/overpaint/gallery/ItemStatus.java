package dev.overpaint.gallery;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/**
 * Where a gallery item stands with the public gallery. Items start private; publishing makes them
 * pending until an admin approves (public) or rejects them; an admin may hide a public item.
 */
public enum ItemStatus {
  PRIVATE,
  PENDING,
  PUBLIC,
  REJECTED,
  HIDDEN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ItemStatus parse(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  @Converter
  public static class Column implements AttributeConverter<ItemStatus, String> {
    @Override
    public String convertToDatabaseColumn(ItemStatus s) {
      return s.id();
    }

    @Override
    public ItemStatus convertToEntityAttribute(String s) {
      return parse(s);
    }
  }
}
