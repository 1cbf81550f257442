package dev.overpaint.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/** Configuration of the job queue and the inference worker. */
@ConfigMapping(prefix = "overpaint")
public interface JobsConfig {

  /** auto (CUDA when the engine sees a GPU, else CPU), cpu or gpu. Default auto. */
  @WithDefault("auto")
  String device();

  Models models();

  Jobs jobs();

  Pipeline pipeline();

  interface Models {
    /** A directory with manifest.json and weights; empty = the built-in models on the classpath. */
    Optional<String> dir();
  }

  interface Jobs {
    /** Most jobs waiting at once; one more is refused with 429. Default 32. */
    @WithDefault("32")
    int queueCapacity();

    /** Most waiting jobs of one browser session; one more is refused with 429. Default 3. */
    @WithDefault("3")
    int maxWaitingPerSession();

    /** Seconds a refused client is told to wait (Retry-After). Default 10. */
    @WithDefault("10")
    int retryAfterSeconds();

    /** JPEG quality of the live tile previews, 0..1. Default 0.85. */
    @WithDefault("0.85")
    float previewQuality();
  }

  interface Pipeline {
    /** Tile side in canvas pixels. Default 64, the denoiser's training resolution. */
    @WithDefault("64")
    int tileSize();

    /** Pixels shared by neighbouring tiles. Default 16. */
    @WithDefault("16")
    int overlap();

    /** DDIM η; 0 = deterministic. Default 0. */
    @WithDefault("0")
    double eta();

    /** Fusion window: uniform, gaussian or cosine. Default cosine. */
    @WithDefault("cosine")
    String window();

    /** What the joint blend averages each step: multidiffusion (x_{t-1}) or mixture (ε). */
    @WithDefault("multidiffusion")
    String fusion();

    /**
     * Pixels by which the joint blend moves the inner tile borders at random each step (not the
     * last), below overlap/2. Default 0: the borders stay put.
     */
    @WithDefault("0")
    int jitter();

    /** StyleGAN truncation ψ of the base composition. Default 0.8. */
    @WithName("truncation-psi")
    @WithDefault("0.8")
    double truncationPsi();
  }
}
