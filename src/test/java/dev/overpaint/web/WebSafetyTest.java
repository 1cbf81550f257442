package dev.overpaint.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Security headers, the cross-site check, per-session limits, display names, docs and metrics. */
@QuarkusTest
class WebSafetyTest {

  @Test
  void everyResponseCarriesAStrictCspAndTheUsualHeaders() {
    for (String path : new String[] {"/", "/api/galleries", "/api/public/items", "/admin/login"}) {
      given()
          .get(path)
          .then()
          .header("Content-Security-Policy", containsString("script-src 'self'"))
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .header("X-Content-Type-Options", equalTo("nosniff"))
          .header("X-Frame-Options", equalTo("DENY"))
          .header("Referrer-Policy", equalTo("same-origin"));
    }
  }

  @Test
  void aCrossSitePostIsRefusedAndStoresNothing() {
    String session = "crossSiteVictim-0123456789";
    given()
        .cookie(Session.COOKIE, session)
        .header("Origin", "https://evil.example")
        .contentType(ContentType.JSON)
        .body("{\"name\":\"planted\"}")
        .post("/api/galleries")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .cookie(Session.COOKIE, session)
        .header("Sec-Fetch-Site", "cross-site")
        .contentType(ContentType.JSON)
        .body("{\"name\":\"planted\"}")
        .post("/api/galleries")
        .then()
        .statusCode(403);
    given()
        .cookie(Session.COOKIE, session)
        .get("/api/galleries")
        .then()
        .body("$.size()", equalTo(0));

    // The same origin, as a browser states it, passes.
    int port = io.restassured.RestAssured.port;
    given()
        .cookie(Session.COOKIE, session)
        .header("Origin", "http://localhost:" + port)
        .header("Sec-Fetch-Site", "same-origin")
        .contentType(ContentType.JSON)
        .body("{\"name\":\"mine\"}")
        .post("/api/galleries")
        .then()
        .statusCode(201);
  }

  @Test
  void aSessionMayHaveThreeJobsWaitingAndTheFourthGets429() {
    String session = "fourJobsSession-0123456789";
    List<String> accepted = new ArrayList<>();
    int refused = 0;
    // One may be running at once; three more wait; the fifth request at the latest is refused.
    for (int i = 0; i < 5 && refused == 0; i++) {
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
        assertEquals(429, r.statusCode());
        assertEquals("application/problem+json", r.contentType());
        org.junit.jupiter.api.Assertions.assertNotNull(r.header("Retry-After"));
        refused++;
      }
    }
    assertEquals(1, refused, "refused once the session had three waiting");
    long stored =
        QuarkusTransaction.requiringNew()
            .call(() -> dev.overpaint.jobs.Job.count("owner", session));
    assertEquals(accepted.size(), stored, "the refused job left no row");
    // Another session is not held up by this one.
    given()
        .cookie(Session.COOKIE, "fourJobsOther-0123456789")
        .contentType(ContentType.JSON)
        .body("{\"prompt\":\"quick\",\"steps\":1,\"grid\":1}")
        .post("/api/jobs")
        .then()
        .statusCode(202);
    for (String id : accepted) {
      given().cookie(Session.COOKIE, session).post("/api/jobs/" + id + "/cancel");
    }
  }

  @Test
  void aDisplayNameIsKeptPerSessionAndChecked() {
    String session = "displayNameSession-0123456789";
    given()
        .cookie(Session.COOKIE, session)
        .get("/api/session")
        .then()
        .statusCode(200)
        .body("displayName", nullValue());
    given()
        .cookie(Session.COOKIE, session)
        .contentType(ContentType.JSON)
        .body("{\"displayName\":\" Ada <i>L</i> \"}")
        .put("/api/session")
        .then()
        .statusCode(200)
        .body("displayName", equalTo("Ada <i>L</i>"));
    given()
        .cookie(Session.COOKIE, session)
        .contentType(ContentType.JSON)
        .body("{\"displayName\":\"" + "x".repeat(41) + "\"}")
        .put("/api/session")
        .then()
        .statusCode(400)
        .body("field", equalTo("displayName"));
    given()
        .cookie(Session.COOKIE, session)
        .get("/api/session")
        .then()
        .body("displayName", equalTo("Ada <i>L</i>"));
    given()
        .cookie(Session.COOKIE, "displayNameOther-0123456789")
        .get("/api/session")
        .then()
        .body("displayName", nullValue());
  }

  @Test
  void theApiIsDocumentedAndTheWorkerIsMeasured() {
    String session = "metricsSession-0123456789";
    dev.overpaint.TestJobs.finishedJob(session, "a blueprint of a measured tower", 9);
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/api/public/items"))
        .body(containsString("/api/galleries/{id}/items/{itemId}/publish"));
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("overpaint_queue_depth"))
        .body(containsString("overpaint_step_seconds_count"))
        .body(containsString("overpaint_job_duration_seconds_count{status=\"done\""));
    given().get("/q/health/ready").then().statusCode(200).body("status", notNullValue());
  }
}
