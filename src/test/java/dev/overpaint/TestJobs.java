package dev.overpaint;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;

/** Waiting on jobs over the public API, shared by the HTTP, WebSocket and browser tests. */
public final class TestJobs {

  private TestJobs() {}

  /** Polls GET /api/jobs/{id} until the job leaves queued/running; two minutes at most. */
  public static JsonNode awaitFinished(String id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    ObjectMapper json = new ObjectMapper();
    while (true) {
      try {
        JsonNode job =
            json.readTree(
                given().get("/api/jobs/" + id).then().statusCode(200).extract().asString());
        String status = job.get("status").asText();
        if (!status.equals("queued") && !status.equals("running")) {
          return job;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("job " + id + " still " + status);
        }
        Thread.sleep(100);
      } catch (java.io.IOException | InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
