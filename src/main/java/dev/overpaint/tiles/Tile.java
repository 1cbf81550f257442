package dev.overpaint.tiles;

/** One tile's rectangle in canvas pixels; index is row-major. */
public record Tile(int index, int x, int y, int w, int h) {}
