package dev.overpaint.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaptionTokenizerTest {

  private static CaptionTokenizer tokenizer;

  @BeforeAll
  static void readVocab() throws Exception {
    try (InputStream in =
        CaptionTokenizerTest.class
            .getClassLoader()
            .getResourceAsStream("models/builtin/vocab.txt")) {
      tokenizer =
          new CaptionTokenizer(CaptionTokenizer.readVocab(in), CaptionTokenizer.CONTEXT_LENGTH);
    }
  }

  @Test
  void vocabularyHasSpecialTokensFirstAndCaptionWords() {
    assertEquals(0, tokenizer.id("<pad>"));
    assertEquals(1, tokenizer.id("<unk>"));
    assertEquals(2, tokenizer.id("<bos>"));
    assertEquals(3, tokenizer.id("<eos>"));
    assertTrue(tokenizer.vocabSize() >= 300, "vocabulary of " + tokenizer.vocabSize());
    for (String w :
        List.of(
            "ink", "blueprint", "facade", "arched", "columns", "dome", "pediment", "the", "with")) {
      assertTrue(tokenizer.id(w) > 3, w + " is in the vocabulary");
    }
  }

  @Test
  void encodesLowercasedWordsBetweenBosAndEos() {
    int[] t = tokenizer.encode("Ink DRAWING of a domed facade, with 3 arched windows!");
    assertEquals(CaptionTokenizer.CONTEXT_LENGTH, t.length);
    assertEquals(tokenizer.id("<bos>"), t[0]);
    assertEquals(tokenizer.id("ink"), t[1]);
    assertEquals(tokenizer.id("drawing"), t[2]);
    assertEquals(tokenizer.id("windows"), t[9]);
    assertEquals(tokenizer.id("<eos>"), t[10]);
    assertEquals(tokenizer.id("<pad>"), t[11]);
  }

  @Test
  void unknownWordsBecomeUnkAndLongCaptionsKeepEos() {
    int[] t = tokenizer.encode("zyzzyva quokka");
    assertEquals(tokenizer.id("<unk>"), t[1]);
    assertEquals(tokenizer.id("<unk>"), t[2]);
    int[] longOne = tokenizer.encode("arch ".repeat(100));
    assertEquals(tokenizer.id("<eos>"), longOne[CaptionTokenizer.CONTEXT_LENGTH - 1]);
    int[] empty = tokenizer.encode("  ,, ");
    assertEquals(tokenizer.id("<eos>"), empty[1]);
  }
}
