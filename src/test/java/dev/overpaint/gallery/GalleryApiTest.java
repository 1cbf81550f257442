package dev.overpaint.gallery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.overpaint.web.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GalleryApiTest {

  private static final String OWNER = "galleryTestOwner-0123456789";
  private static final String OTHER = "galleryTestOther-0123456789";

  @Test
  void aFinishedJobIsSavedAndListedWithItsImage() {
    String jobId =
        given()
            .cookie(Session.COOKIE, OWNER)
            .contentType(ContentType.JSON)
            .body(
                "{\"prompt\":\"a coloured wash of <b>arches</b>\",\"seed\":11,\"steps\":1,\"grid\":1}")
            .post("/api/jobs")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    dev.overpaint.TestJobs.awaitFinished(jobId);

    String galleryId =
        given()
            .cookie(Session.COOKIE, OWNER)
            .contentType(ContentType.JSON)
            .body("{\"name\":\"Towers\"}")
            .post("/api/galleries")
            .then()
            .statusCode(201)
            .body("name", equalTo("Towers"))
            .body("id", notNullValue())
            .extract()
            .path("id");

    given()
        .cookie(Session.COOKIE, OWNER)
        .contentType(ContentType.JSON)
        .body("{\"jobId\":\"" + jobId + "\"}")
        .post("/api/galleries/" + galleryId + "/items")
        .then()
        .statusCode(201)
        .body("id", notNullValue());

    String image =
        given()
            .get("/api/galleries/" + galleryId)
            .then()
            .statusCode(200)
            .body("name", equalTo("Towers"))
            .body("items", hasSize(1))
            .body("items[0].jobId", equalTo(jobId))
            .body("items[0].prompt", equalTo("a coloured wash of <b>arches</b>"))
            .extract()
            .path("items[0].image");
    given().get(image).then().statusCode(200).contentType("image/png");

    given()
        .cookie(Session.COOKIE, OWNER)
        .get("/api/galleries")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + galleryId + "' }.name", equalTo("Towers"));
  }

  @Test
  void onlyTheOwnerMayAddAndOnlyFinishedJobs() {
    String galleryId =
        given()
            .cookie(Session.COOKIE, OWNER)
            .contentType(ContentType.JSON)
            .body("{\"name\":\"Mine\"}")
            .post("/api/galleries")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String running =
        given()
            .cookie(Session.COOKIE, OWNER)
            .contentType(ContentType.JSON)
            .body("{\"prompt\":\"a long plan\",\"seed\":2,\"steps\":30,\"grid\":2}")
            .post("/api/jobs")
            .then()
            .statusCode(202)
            .extract()
            .path("id");

    given()
        .cookie(Session.COOKIE, OTHER)
        .contentType(ContentType.JSON)
        .body("{\"jobId\":\"" + running + "\"}")
        .post("/api/galleries/" + galleryId + "/items")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .cookie(Session.COOKIE, OWNER)
        .contentType(ContentType.JSON)
        .body("{\"jobId\":\"" + running + "\"}")
        .post("/api/galleries/" + galleryId + "/items")
        .then()
        .statusCode(409);
    given()
        .cookie(Session.COOKIE, OWNER)
        .contentType(ContentType.JSON)
        .body("{\"jobId\":\"nope\"}")
        .post("/api/galleries/" + galleryId + "/items")
        .then()
        .statusCode(400)
        .body("field", equalTo("jobId"));
    given().get("/api/galleries/" + galleryId).then().statusCode(200).body("items", hasSize(0));
    given()
        .cookie(Session.COOKIE, OWNER)
        .post("/api/jobs/" + running + "/cancel")
        .then()
        .statusCode(202);
  }

  @Test
  void badGalleriesAreRefused() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"  \"}")
        .post("/api/galleries")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("field", equalTo("name"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\",\"colour\":1}")
        .post("/api/galleries")
        .then()
        .statusCode(400)
        .body("field", equalTo("colour"));
    given().get("/api/galleries/00000000-0000-0000-0000-000000000000").then().statusCode(404);
  }
}
