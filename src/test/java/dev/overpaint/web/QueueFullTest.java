package dev.overpaint.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With room for two waiting jobs, a burst gets 429 with Retry-After and stores nothing extra. */
@QuarkusTest
@TestProfile(QueueFullTest.TwoSlots.class)
class QueueFullTest {

  public static class TwoSlots implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("overpaint.jobs.queue-capacity", "2");
    }
  }

  @Test
  void aFullQueueAnswers429AndTheRefusedJobIsNotStored() {
    String session = "queueFullTestSession-00000";
    List<String> accepted = new ArrayList<>();
    int refused = 0;
    // One job may already be running; at most two wait. Six requests must hit the limit.
    for (int i = 0; i < 6; i++) {
      var r =
          given()
              .cookie(Session.COOKIE, session)
              .contentType(ContentType.JSON)
              .body("{\"prompt\":\"slow\",\"seed\":" + i + ",\"steps\":200,\"skip\":0,\"grid\":2}")
              .post("/api/jobs")
              .then()
              .extract();
      if (r.statusCode() == 202) {
        accepted.add(r.path("id"));
      } else {
        given()
            .cookie(Session.COOKIE, session)
            .contentType(ContentType.JSON)
            .body("{\"prompt\":\"slow\",\"steps\":200,\"skip\":0,\"grid\":2}")
            .post("/api/jobs")
            .then()
            .statusCode(429)
            .contentType("application/problem+json")
            .header("Retry-After", notNullValue())
            .body("status", equalTo(429));
        refused++;
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(refused > 0, "the burst was refused at some point");
    org.junit.jupiter.api.Assertions.assertTrue(
        accepted.size() <= 3, "two waiting plus at most one running");
    long stored =
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
            .call(() -> dev.overpaint.jobs.Job.count("owner", session));
    org.junit.jupiter.api.Assertions.assertEquals(
        accepted.size(), stored, "refused requests left no rows");
    for (String id : accepted) {
      given().cookie(Session.COOKIE, session).post("/api/jobs/" + id + "/cancel");
    }
  }
}
