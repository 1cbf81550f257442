import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times one job against a running server: POST to the first tile frame and to done.
 *
 * <p>Run: {@code java src/tools/JobTiming.java [http://localhost:8080] [json-body]}
 */
public class JobTiming {
  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    String body = args.length > 1 ? args[1] : "{\"prompt\":\"a blueprint of a domed tower\",\"seed\":7}";
    HttpClient http = HttpClient.newHttpClient();
    long t0 = System.nanoTime();
    HttpResponse<String> created = http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/jobs")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 202) {
      throw new IllegalStateException(created.statusCode() + " " + created.body());
    }
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
    m.find();
    String id = m.group(1);
    CompletableFuture<Double> firstFrame = new CompletableFuture<>();
    CompletableFuture<Double> done = new CompletableFuture<>();
    int[] frames = {0};
    String ws = base.replaceFirst("^http", "ws") + "/ws/jobs/" + id;
    http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
        if (last) {
          frames[0]++;
          firstFrame.complete((System.nanoTime() - t0) / 1e9);
        }
        w.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence text, boolean last) {
        String s = text.toString();
        if (s.contains("\"type\":\"done\"") || s.contains("\"type\":\"failed\"")) {
          done.complete((System.nanoTime() - t0) / 1e9);
          if (s.contains("failed")) {
            System.out.println(s);
          }
        }
        w.request(1);
        return null;
      }
    }).join();
    double first = firstFrame.get(300, TimeUnit.SECONDS);
    double end = done.get(300, TimeUnit.SECONDS);
    System.out.printf("job %s: POST -> first tile frame %.2f s, POST -> done %.2f s, %d frames received%n",
        id, first, end, frames[0]);
  }
}
