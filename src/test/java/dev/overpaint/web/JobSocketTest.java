package dev.overpaint.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overpaint.jobs.PreviewFrame;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Watches whole jobs over /ws/jobs/{id} with Quarkus's own client. */
@QuarkusTest
class JobSocketTest {

  @Inject BasicWebSocketConnector connector;

  @TestHTTPResource("/")
  URI base;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aLiveJobStreamsStatusLayoutEveryTileAndDone() throws Exception {
    String id = submit("{\"prompt\":\"a sepia facade\",\"seed\":3,\"steps\":3,\"grid\":4}");
    Watch watch = watch(id);
    assertTrue(watch.ended.await(120, TimeUnit.SECONDS), "the job ended; got " + watch.types());

    List<String> types = watch.types();
    assertEquals("status", types.get(0), "status comes first");
    assertEquals("done", types.get(types.size() - 1));
    JsonNode started = watch.first("started");
    assertEquals(3, started.get("steps").asInt());
    assertEquals(4, started.get("grid").get("cols").asInt());
    assertEquals(208, started.get("canvas").get("width").asInt());
    assertEquals(16, started.get("tiles").size());
    assertEquals(48, started.get("tiles").get(1).get("x").asInt());
    assertTrue(
        watch.first("done").get("image").asText().endsWith("/api/jobs/" + id + "/image.png"));

    Map<Integer, PreviewFrame> last = new HashMap<>();
    for (byte[] bytes : watch.frames) {
      PreviewFrame f = PreviewFrame.decode(bytes);
      assertEquals(PreviewFrame.KIND_TILE, f.kind());
      assertEquals(PreviewFrame.FORMAT_JPEG, f.format());
      assertEquals(3, f.totalSteps());
      assertEquals((byte) 0xFF, f.image()[0], "a JPEG starts with FF D8");
      last.put(f.tileIndex(), f);
    }
    assertEquals(16, last.size(), "every tile was previewed");
    PreviewFrame tile5 = last.get(5);
    assertEquals(3, tile5.step(), "the newest frame of each tile is of the last step");
    assertEquals(48, tile5.x());
    assertEquals(48, tile5.y());
    assertEquals(64, tile5.width());
    watch.connection.closeAndAwait();
  }

  @Test
  void aLateWatcherOfAFinishedJobGetsItsStatusAndEnding() throws Exception {
    String id = submit("{\"prompt\":\"ink\",\"seed\":4,\"steps\":1,\"grid\":1}");
    assertEquals("done", dev.overpaint.TestJobs.awaitFinished(id).get("status").asText());
    Watch watch = watch(id);
    assertTrue(watch.ended.await(30, TimeUnit.SECONDS));
    assertEquals(List.of("status", "done"), watch.types());
    assertEquals("done", watch.first("status").get("status").asText());
  }

  @Test
  void anUnknownJobIsReportedAndClosed() throws Exception {
    Watch watch = watch("00000000-0000-0000-0000-000000000000");
    assertTrue(watch.ended.await(30, TimeUnit.SECONDS));
    assertEquals(List.of("failed"), watch.types());
  }

  private String submit(String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/jobs")
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  private Watch watch(String id) {
    Watch w = new Watch();
    // Non-blocking callbacks run on the connection's event loop, so messages are seen in order.
    w.connection =
        connector
            .baseUri(base)
            .path("/ws/jobs/" + id)
            .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
            .onTextMessage((c, m) -> w.text(m))
            .onBinaryMessage((c, b) -> w.frames.add(b.getBytes()))
            .connectAndAwait();
    return w;
  }

  private final class Watch {
    final List<JsonNode> texts = new CopyOnWriteArrayList<>();
    final List<byte[]> frames = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);
    WebSocketClientConnection connection;

    void text(String message) {
      try {
        JsonNode node = json.readTree(message);
        texts.add(node);
        if (List.of("done", "failed", "cancelled").contains(node.get("type").asText())) {
          ended.countDown();
        }
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }

    List<String> types() {
      List<String> types = new ArrayList<>();
      texts.forEach(t -> types.add(t.get("type").asText()));
      return types;
    }

    JsonNode first(String type) {
      return texts.stream()
          .filter(t -> t.get("type").asText().equals(type))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + type + " in " + types()));
    }
  }
}
