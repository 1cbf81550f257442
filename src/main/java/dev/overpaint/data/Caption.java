package dev.overpaint.data;

import dev.overpaint.data.DrawingSpec.BuildingType;
import dev.overpaint.data.DrawingSpec.RoofType;
import dev.overpaint.data.DrawingSpec.Style;
import dev.overpaint.data.DrawingSpec.View;
import dev.overpaint.data.DrawingSpec.WindowShape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Captions of drawings, built from a spec's attributes with several templates and synonyms. The
 * templates fall into two disjoint groups: {@link TemplateSet#CLIP} for training the text-image
 * encoder, {@link TemplateSet#JUDGE} for training an independent "judge" encoder. Every word comes
 * from the tokenizer vocabulary ({@code models/builtin/vocab.txt}), and a caption has at most
 * {@link #MAX_WORDS} words so that it fits the tokenizer's context with {@code <bos>} and {@code
 * <eos>}.
 *
 * <p>Template placeholders: {@code {a_style_view}} ("an ink elevation"), {@code {style_view}} ("ink
 * elevation"), {@code {a_drawing}} ("a sepia drawing"), {@code {medium}} ("pen and ink"), {@code
 * {view}} ("plan"), {@code {a_view}} ("a floor plan"), {@code {a_building}} ("a domed hall") and
 * {@code {with}} (" with six columns and a pediment", possibly empty).
 */
public final class Caption {

  /** Which group of templates a caption is drawn from. */
  public enum TemplateSet {
    CLIP,
    JUDGE
  }

  /** Longest caption, in words (the tokenizer's context is 24 with {@code <bos>}/{@code <eos>}). */
  public static final int MAX_WORDS = 20;

  private static final List<String> TRAIN =
      List.of(
          "{a_style_view} of {a_building}{with}",
          "{a_drawing} of {a_building}{with}, {view}",
          "{style_view}, {a_building}{with}",
          "{a_building}{with} in {medium}, {view}");

  private static final List<String> JUDGE =
      List.of(
          "{style_view} of {a_building}{with}",
          "{a_view} of {a_building}{with} in {medium}",
          "{a_building}{with}, {a_style_view}");

  private static final String[] NUMBERS = {
    "many", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve"
  };

  private Caption() {}

  /** Templates of the CLIP training group. */
  public static List<String> trainTemplates() {
    return TRAIN;
  }

  /** Templates of the judge group; disjoint from {@link #trainTemplates()}. */
  public static List<String> judgeTemplates() {
    return JUDGE;
  }

  public static List<String> templates(TemplateSet set) {
    return set == TemplateSet.CLIP ? TRAIN : JUDGE;
  }

  /** A caption from a seed. */
  public static String of(DrawingSpec spec, TemplateSet set, long seed) {
    return of(spec, set, new SplittableRandom(seed));
  }

  /** A caption of {@code spec} from a random template of {@code set} with random synonyms. */
  public static String of(DrawingSpec spec, TemplateSet set, RandomGenerator r) {
    List<String> group = templates(set);
    String template = group.get(r.nextInt(group.size()));
    return fill(spec, template, r);
  }

  /** Fills one template (any string with the placeholders above) for {@code spec}. */
  public static String fill(DrawingSpec spec, String template, RandomGenerator r) {
    String styleWord = pick(r, styleWords(spec.style()));
    String view = pick(r, viewWords(spec.view()));
    String drawing = pick(r, drawingWords(spec.style()));
    String medium = pick(r, mediumWords(spec.style()));
    String building = pick(r, buildingWords(spec));
    List<String> features = features(spec, r);
    shuffle(features, r);
    int keep = Math.min(features.size(), 1 + r.nextInt(3));
    if (r.nextInt(8) == 0) {
      keep = 0;
    }
    String caption;
    while (true) {
      String with = with(features.subList(0, keep));
      caption =
          template
              .replace("{a_style_view}", article(styleWord + " " + view))
              .replace("{style_view}", styleWord + " " + view)
              .replace("{a_drawing}", article(drawing))
              .replace("{medium}", medium)
              .replace("{a_view}", article(view))
              .replace("{view}", view)
              .replace("{a_building}", article(building))
              .replace("{with}", with);
      if (keep == 0 || words(caption) <= MAX_WORDS) {
        return caption;
      }
      keep--;
    }
  }

  static int words(String caption) {
    int n = 0;
    for (String w : caption.split("[^\\p{L}]+")) {
      if (!w.isEmpty()) {
        n++;
      }
    }
    return n;
  }

  private static String with(List<String> features) {
    if (features.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(" with ");
    for (int i = 0; i < features.size(); i++) {
      if (i > 0) {
        b.append(i == features.size() - 1 ? " and " : ", ");
      }
      b.append(features.get(i));
    }
    return b.toString();
  }

  private static String[] styleWords(Style s) {
    return switch (s) {
      case INK -> new String[] {"ink", "pen and ink", "black ink", "ink line"};
      case BLUEPRINT -> new String[] {"blueprint", "blueprint", "white on blue blueprint"};
      case SEPIA -> new String[] {"sepia", "brown ink", "sepia ink", "aged sepia"};
      case COLOURED_WASH ->
          new String[] {
            "watercolour", "watercolor", "coloured wash", "colored wash", "ink and wash"
          };
    };
  }

  private static String[] drawingWords(Style s) {
    return switch (s) {
      case INK -> new String[] {"ink drawing", "pen drawing", "ink sketch", "line drawing"};
      case BLUEPRINT -> new String[] {"blueprint", "blueprint drawing", "blueprint sketch"};
      case SEPIA -> new String[] {"sepia drawing", "sepia sketch", "sepia print", "brown drawing"};
      case COLOURED_WASH ->
          new String[] {
            "watercolour", "watercolor drawing", "coloured wash drawing", "wash drawing"
          };
    };
  }

  private static String[] mediumWords(Style s) {
    return switch (s) {
      case INK -> new String[] {"ink", "pen and ink", "black ink on paper", "ink on white paper"};
      case BLUEPRINT -> new String[] {"blueprint", "white lines on blue", "blueprint"};
      case SEPIA -> new String[] {"sepia", "brown ink", "sepia on aged paper", "sepia ink"};
      case COLOURED_WASH ->
          new String[] {"watercolour", "watercolor", "coloured wash", "ink and watercolour"};
    };
  }

  private static String[] viewWords(View v) {
    return v == View.ELEVATION
        ? new String[] {"elevation", "front elevation", "elevation", "facade elevation"}
        : new String[] {"plan", "floor plan", "ground plan", "ground floor plan"};
  }

  private static String[] buildingWords(DrawingSpec s) {
    return switch (s.type()) {
      case HALL -> new String[] {"hall", "large hall", "grand hall", "long hall"};
      case TOWER ->
          s.roof() == RoofType.DOME
              ? new String[] {"domed tower", "tall domed tower", "domed tower"}
              : new String[] {"tower", "tall tower", "slender tower"};
      case DOMED_HALL -> new String[] {"domed hall", "domed building", "domed hall"};
      case HOUSE ->
          s.roof() == RoofType.GABLED
              ? new String[] {"house", "small house", "gabled house", "cottage"}
              : new String[] {"house", "small house", "cottage"};
      case TEMPLE_FRONT ->
          new String[] {"temple front", "classical temple front", "temple", "temple portico"};
      case ARCADE -> new String[] {"arcade", "long arcade", "classical arcade"};
    };
  }

  /** Candidate feature phrases ("six columns", "a gabled roof"), one per visible attribute. */
  private static List<String> features(DrawingSpec s, RandomGenerator r) {
    boolean elevation = s.view() == View.ELEVATION;
    List<String> f = new ArrayList<>();
    int visible = elevation ? DrawingRenderer.facadeWindows(s) : s.windows();
    if (visible > 0) {
      String shape =
          !elevation
              ? ""
              : switch (s.windowShape()) {
                case RECTANGULAR -> pick(r, "", "rectangular ", "square ");
                case ARCHED -> "arched ";
                case ROUND -> pick(r, "round ", "circular ");
              };
      String count =
          elevation && r.nextBoolean() ? number(DrawingRenderer.facadeWindows(s)) + " " : "";
      if (elevation && s.windowRows() > 1 && r.nextBoolean()) {
        f.add(number(s.windowRows()) + " storeys of " + shape + "windows");
      } else {
        f.add((count + shape).stripLeading() + "windows");
      }
    }
    if (s.columns() > 0) {
      f.add(pick(r, number(s.columns()) + " columns", number(s.columns()) + " columns", "columns"));
    }
    if (s.pediment() && elevation) {
      f.add(pick(r, "a pediment", "a classical pediment"));
    }
    if (s.dome() && s.type() != BuildingType.DOMED_HALL && s.type() != BuildingType.TOWER) {
      f.add("a dome");
    } else if (s.dome() && s.type() == BuildingType.DOMED_HALL && !elevation) {
      f.add(pick(r, "a central dome", "a dome"));
    }
    if (s.towers() == 1) {
      f.add(pick(r, "a tower", "a side tower", "one tower"));
    } else if (s.towers() > 1) {
      f.add(pick(r, number(s.towers()) + " towers", "a pair of towers"));
    }
    if (elevation && !s.dome() && s.type() != BuildingType.TEMPLE_FRONT) {
      f.add(
          switch (s.roof()) {
            case FLAT -> "a flat roof";
            case GABLED -> pick(r, "a gabled roof", "a pitched roof");
            case HIPPED -> s.type() == BuildingType.TOWER ? "a spire" : "a hipped roof";
            case DOME -> "a dome";
          });
    }
    if (s.stairs()) {
      f.add(pick(r, "stairs", "steps", "front steps"));
    }
    if (s.arches() > 0) {
      f.add(pick(r, number(s.arches()) + " arches", number(s.arches()) + " round arches"));
    }
    if (s.door() && r.nextInt(3) == 0) {
      boolean arched = elevation && s.windowShape() == WindowShape.ARCHED;
      f.add(arched ? "an arched door" : pick(r, "a door", "a central door", "an entrance"));
    }
    return f;
  }

  static String number(int n) {
    return n < NUMBERS.length ? NUMBERS[n] : "many";
  }

  static String article(String phrase) {
    char c = phrase.charAt(0);
    return ("aeiou".indexOf(c) >= 0 ? "an " : "a ") + phrase;
  }

  @SafeVarargs
  private static <T> T pick(RandomGenerator r, T... options) {
    return options[r.nextInt(options.length)];
  }

  private static void shuffle(List<String> list, RandomGenerator r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      String t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
