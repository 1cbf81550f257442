package dev.overpaint.train;

/** One trainer: runs until its step or time budget is spent, checkpointing as it goes. */
public interface Training {

  /**
   * @return the process exit code
   */
  int run(TrainOptions options) throws Exception;
}
