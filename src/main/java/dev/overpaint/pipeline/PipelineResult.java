package dev.overpaint.pipeline;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * The painted canvas, the GAN base it started from, the provenance that reproduces it, and what the
 * run measured about itself.
 */
public record PipelineResult(
    BufferedImage image,
    BufferedImage base,
    Map<String, Object> metadata,
    Diagnostics diagnostics) {}
