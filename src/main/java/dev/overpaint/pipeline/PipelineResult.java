package dev.overpaint.pipeline;

import java.awt.image.BufferedImage;
import java.util.Map;

/** The painted canvas, the GAN base it started from, and the provenance that reproduces it. */
public record PipelineResult(
    BufferedImage image, BufferedImage base, Map<String, Object> metadata) {}
