package dev.overpaint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A bad command line ends with status 2 and one readable line, before any model is loaded. */
class OverpaintCliTest {

  private record Outcome(int code, String stderr) {}

  private static Outcome run(String... args) throws Exception {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int code = OverpaintCli.run(args);
      return new Outcome(code, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(saved);
    }
  }

  @Test
  void anEtaOutsideTheUnitIntervalIsAUsageError() throws Exception {
    Outcome o = run("eval", "--ddim-eta", "1.5");
    assertEquals(2, o.code());
    assertTrue(o.stderr().contains("ddim-eta must lie in [0, 1]"), o.stderr());
    assertFalse(o.stderr().contains("\tat "), "no stack trace: " + o.stderr());
  }

  /** A Fréchet distance needs two pictures a side; zero samples once ended in a stack trace. */
  @Test
  void tooFewSamplesForADistanceIsAUsageError() throws Exception {
    Outcome o = run("eval", "--gan-samples", "0");
    assertEquals(2, o.code());
    assertTrue(o.stderr().contains("must be at least 2"), o.stderr());
    assertFalse(o.stderr().contains("\tat "), "no stack trace: " + o.stderr());
    Outcome steps = run("eval", "--ddim-steps", "0");
    assertEquals(2, steps.code());
    assertTrue(steps.stderr().contains("ddim-steps must be at least 1"), steps.stderr());
  }

  @Test
  void aNonNumberAndAnUnknownOptionAreUsageErrors() throws Exception {
    Outcome notANumber = run("eval", "--unet-samples", "many");
    assertEquals(2, notANumber.code());
    assertTrue(
        notANumber.stderr().contains("--unet-samples must be a number"), notANumber.stderr());
    Outcome unknown = run("train", "unet", "--stepz", "3");
    assertEquals(2, unknown.code());
    assertTrue(unknown.stderr().contains("unknown option --stepz"), unknown.stderr());
  }

  @Test
  void anUnknownQualityModeIsAUsageError() throws Exception {
    Outcome o = run("quality", "--modes", "joint,blurry");
    assertEquals(2, o.code());
    assertTrue(o.stderr().contains("unknown mode"), o.stderr());
  }
}
