package dev.overpaint.models;

import java.util.Map;

/**
 * What a loaded network is, as recorded with every result: its manifest name, architecture, the
 * sha256 of its weights and its parameter count.
 */
public record ModelInfo(
    String role,
    String name,
    String architecture,
    String sha256,
    long parameters,
    Map<String, Object> hyper,
    Map<String, Object> training) {}
