package dev.overpaint.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.overpaint.TestJobs;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The packaged app (java -jar target/quarkus-app/quarkus-run.jar) loads its models and runs a job:
 * class loading there differs from the @QuarkusTest runs.
 */
@QuarkusIntegrationTest
class PackagedAppIT {

  @Test
  void thePackagedAppRunsAJobAndReportsReady() {
    String id =
        given()
            .contentType(ContentType.JSON)
            .body("{\"prompt\":\"a blueprint of a tower\",\"seed\":5,\"steps\":2,\"grid\":2}")
            .post("/api/jobs")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    assertEquals("done", TestJobs.awaitFinished(id).get("status").asText());
    given().get("/api/jobs/" + id + "/image.png").then().statusCode(200).contentType("image/png");
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get("/")
        .then()
        .statusCode(200)
        .contentType(org.hamcrest.Matchers.containsString("text/html"));
  }
}
