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

  /** A one-step, one-tile job of {@code session}, waited for until done; its id. */
  public static String finishedJob(String session, String prompt, long seed) {
    String body =
        new ObjectMapper()
            .createObjectNode()
            .put("prompt", prompt)
            .put("seed", seed)
            .put("steps", 1)
            .put("grid", 1)
            .toString();
    String id =
        given()
            .cookie(dev.overpaint.web.Session.COOKIE, session)
            .contentType("application/json")
            .body(body)
            .post("/api/jobs")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    String status = awaitFinished(id).get("status").asText();
    if (!status.equals("done")) {
      throw new AssertionError("job " + id + " ended " + status);
    }
    return id;
  }

  /** A gallery of {@code session} holding the given finished jobs; its id and item ids. */
  public static String[] galleryWith(String session, String name, String... jobIds) {
    String[] ids = new String[jobIds.length + 1];
    ids[0] =
        given()
            .cookie(dev.overpaint.web.Session.COOKIE, session)
            .contentType("application/json")
            .body(new ObjectMapper().createObjectNode().put("name", name).toString())
            .post("/api/galleries")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (int i = 0; i < jobIds.length; i++) {
      ids[i + 1] =
          given()
              .cookie(dev.overpaint.web.Session.COOKIE, session)
              .contentType("application/json")
              .body("{\"jobId\":\"" + jobIds[i] + "\"}")
              .post("/api/galleries/" + ids[0] + "/items")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
    }
    return ids;
  }
}
