package dev.overpaint.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word-level tokenizer for drawing captions: lowercase, split on non-letters, look each word up in
 * a vocabulary file (one token a line, the four special tokens first). Sequences are {@code <bos>
 * words… <eos> <pad>…} of length {@link #CONTEXT_LENGTH}; longer captions are cut so that {@code
 * <eos>} always fits, unknown words become {@code <unk>}.
 */
public final class CaptionTokenizer {

  public static final int CONTEXT_LENGTH = 24;
  public static final String PAD = "<pad>";
  public static final String UNK = "<unk>";
  public static final String BOS = "<bos>";
  public static final String EOS = "<eos>";

  private final List<String> vocab;
  private final Map<String, Integer> ids = new HashMap<>();
  private final int contextLength;

  public CaptionTokenizer(List<String> vocab, int contextLength) {
    this.vocab = List.copyOf(vocab);
    for (int i = 0; i < this.vocab.size(); i++) {
      ids.putIfAbsent(this.vocab.get(i), i);
    }
    for (String s : List.of(PAD, UNK, BOS, EOS)) {
      if (!ids.containsKey(s)) {
        throw new ModelLoadException("vocabulary lacks the special token " + s);
      }
    }
    if (contextLength < 2) {
      throw new IllegalArgumentException("context length must hold <bos> and <eos>");
    }
    this.contextLength = contextLength;
  }

  /** Reads a vocabulary: one token a line, blank lines and surrounding spaces ignored. */
  public static List<String> readVocab(InputStream in) throws IOException {
    List<String> words = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String w = line.strip();
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
    }
    return words;
  }

  public int vocabSize() {
    return vocab.size();
  }

  public int contextLength() {
    return contextLength;
  }

  public int id(String token) {
    return ids.getOrDefault(token, ids.get(UNK));
  }

  /** Lowercased words of a caption, split on anything that is not a letter. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** Token ids, padded to the context length. */
  public int[] encode(String text) {
    int[] tokens = new int[contextLength];
    java.util.Arrays.fill(tokens, ids.get(PAD));
    List<String> words = words(text == null ? "" : text);
    int n = Math.min(words.size(), contextLength - 2);
    tokens[0] = ids.get(BOS);
    for (int i = 0; i < n; i++) {
      tokens[i + 1] = id(words.get(i));
    }
    tokens[n + 1] = ids.get(EOS);
    return tokens;
  }
}
