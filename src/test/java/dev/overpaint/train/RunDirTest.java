package dev.overpaint.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirTest {

  @TempDir Path tmp;

  /** A hand-made "step-5383" must not shadow the trainer's later "step-0007428". */
  @Test
  void theNewestCheckpointIsTheOneWithTheHighestStep() throws Exception {
    RunDir run = new RunDir(tmp, System.err);
    for (String name : new String[] {"step-5383", "step-0007428", "step-0000900"}) {
      Path dir = Files.createDirectories(run.checkpoints().resolve(name));
      long step = Long.parseLong(name.substring(5));
      Files.writeString(dir.resolve("state.json"), "{\"step\":" + step + ",\"wallSeconds\":1.0}");
    }
    assertEquals(7428, run.newest().orElseThrow().step());
  }
}
