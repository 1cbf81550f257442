package dev.overpaint.train;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The options every trainer takes ({@code ./overpaint train gan|unet|clip|judge}).
 *
 * @param steps stop after this many optimiser steps (empty: the trainer's default)
 * @param minutes stop after this much wall time (empty: no time limit)
 * @param seed seeds the initialisation, the data order and every noise draw
 * @param threads torch intra-op threads; 1 for background training on a shared machine
 * @param out the run directory: checkpoints, sample grids, the log and the candidate weights
 * @param resume continue from the newest checkpoint in {@code out}
 */
public record TrainOptions(
    String model,
    OptionalInt steps,
    OptionalInt minutes,
    long seed,
    int threads,
    Path out,
    boolean resume) {}
