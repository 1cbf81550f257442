package dev.overpaint.gallery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.overpaint.TestJobs;
import dev.overpaint.web.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** publish -> pending -> an admin approves or rejects -> the public gallery, search and hiding. */
@QuarkusTest
class PublicationFlowTest {

  private static final String OWNER = "publicationOwner-0123456789";

  static RequestSpecification admin() {
    return given().auth().preemptive().basic("admin", "test-admin-password");
  }

  static String reviewOf(String item) {
    return admin()
        .get("/api/admin/reviews?status=pending")
        .then()
        .statusCode(200)
        .extract()
        .path("find { it.itemId == '" + item + "' }.id");
  }

  @Test
  void anApprovedItemIsPublicAndFoundBySearchUntilHidden() {
    String job = TestJobs.finishedJob(OWNER, "a blueprint of a zanzibarian tower", 21);
    String[] g = TestJobs.galleryWith(OWNER, "To publish", job);
    String item = g[1];
    String publish = "/api/galleries/" + g[0] + "/items/" + item + "/publish";

    given()
        .cookie(Session.COOKIE, OWNER)
        .post(publish)
        .then()
        .statusCode(202)
        .body("status", equalTo("pending"));
    // Asking twice is harmless: still one review.
    given().cookie(Session.COOKIE, OWNER).post(publish).then().statusCode(202);
    List<String> pending =
        admin().get("/api/admin/reviews?status=pending").then().extract().path("itemId");
    assertEquals(1, pending.stream().filter(item::equals).count());

    String review = reviewOf(item);
    admin()
        .get("/api/admin/reviews?status=pending")
        .then()
        .body(
            "find { it.id == '" + review + "' }.prompt",
            equalTo("a blueprint of a zanzibarian tower"))
        .body(
            "find { it.id == '" + review + "' }.image", equalTo("/api/jobs/" + job + "/image.png"))
        .body("find { it.id == '" + review + "' }.submittedAt", notNullValue());
    // Not public before the decision.
    given().get("/api/public/items?q=zanzibarian").then().statusCode(200).body("items", empty());

    admin()
        .post("/api/admin/reviews/" + review + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("approved"));
    admin().post("/api/admin/reviews/" + review + "/approve").then().statusCode(409);
    given().cookie(Session.COOKIE, OWNER).post(publish).then().statusCode(409);

    given()
        .get("/api/public/items?q=zanzibarian")
        .then()
        .statusCode(200)
        .body("items.id", contains(item))
        .body("items[0].prompt", equalTo("a blueprint of a zanzibarian tower"))
        .body("items[0].thumbnail", equalTo("/api/items/" + item + "/thumbnail.png"))
        .body("items[0].image", equalTo("/api/jobs/" + job + "/image.png"))
        .body("items[0].createdAt", notNullValue())
        .body("next", nullValue());
    // Stemming: "towers" finds "tower"; an unrelated word does not.
    given().get("/api/public/items?q=zanzibarian towers").then().body("items.id", contains(item));
    given().get("/api/public/items?q=zanzibarian dome").then().body("items", empty());

    admin()
        .post("/api/admin/items/" + item + "/hide")
        .then()
        .statusCode(200)
        .body("status", equalTo("hidden"));
    given().get("/api/public/items?q=zanzibarian").then().body("items", empty());
    admin().get("/api/admin/items?status=hidden").then().body("id", hasItem(item));
    admin().post("/api/admin/items/" + item + "/hide").then().statusCode(409);
    admin()
        .post("/api/admin/items/" + item + "/unhide")
        .then()
        .statusCode(200)
        .body("status", equalTo("public"));
    given().get("/api/public/items?q=zanzibarian").then().body("items.id", contains(item));

    List<String> actions =
        admin().get("/api/admin/audit").then().statusCode(200).extract().path("action");
    assertEquals(List.of("unhide", "hide", "approve"), actions.subList(0, 3));
  }

  @Test
  void aRejectionNeedsAReasonAndTheOwnerSeesIt() {
    String job = TestJobs.finishedJob(OWNER, "an ink elevation of a quixotic dome", 22);
    String[] g = TestJobs.galleryWith(OWNER, "Rejected", job);
    String item = g[1];
    given()
        .cookie(Session.COOKIE, OWNER)
        .post("/api/galleries/" + g[0] + "/items/" + item + "/publish")
        .then()
        .statusCode(202);
    String review = reviewOf(item);

    admin()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"  \"}")
        .post("/api/admin/reviews/" + review + "/reject")
        .then()
        .statusCode(400)
        .body("field", equalTo("reason"));
    admin()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/admin/reviews/" + review + "/reject")
        .then()
        .statusCode(400);
    // The refused rejections changed nothing.
    given().get("/api/items/" + item).then().body("status", equalTo("pending"));

    admin()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"off topic\"}")
        .post("/api/admin/reviews/" + review + "/reject")
        .then()
        .statusCode(200)
        .body("status", equalTo("rejected"))
        .body("reason", equalTo("off topic"));
    given()
        .get("/api/galleries/" + g[0])
        .then()
        .body("items[0].status", equalTo("rejected"))
        .body("items[0].reason", equalTo("off topic"));
    given().get("/api/public/items?q=quixotic").then().body("items", empty());
    admin().get("/api/admin/reviews?status=rejected").then().body("id", hasItem(review));
    admin().get("/api/admin/reviews?status=nonsense").then().statusCode(400);

    // A rejected item may be sent again.
    given()
        .cookie(Session.COOKIE, OWNER)
        .post("/api/galleries/" + g[0] + "/items/" + item + "/publish")
        .then()
        .statusCode(202);
    admin().get("/api/admin/reviews?status=pending").then().body("itemId", hasItem(item));
  }

  @Test
  void pagesFollowTheKeysetNewestFirstWithoutRepeats() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String job = TestJobs.finishedJob(OWNER, "a sepia wash of a paginated arcade " + i, 30 + i);
      String[] g = TestJobs.galleryWith(OWNER, "Pages " + i, job);
      given()
          .cookie(Session.COOKIE, OWNER)
          .post("/api/galleries/" + g[0] + "/items/" + g[1] + "/publish")
          .then()
          .statusCode(202);
      admin().post("/api/admin/reviews/" + reviewOf(g[1]) + "/approve").then().statusCode(200);
      items.add(0, g[1]);
    }
    List<String> seen = new ArrayList<>();
    String cursor = "";
    do {
      var page =
          given()
              .queryParam("q", "paginated")
              .queryParam("limit", 1)
              .queryParam("cursor", cursor)
              .get("/api/public/items")
              .then()
              .statusCode(200)
              .extract();
      seen.addAll(page.path("items.id"));
      cursor = page.path("next");
    } while (cursor != null);
    assertEquals(items, seen, "newest first, each once");

    given()
        .get("/api/public/items?cursor=garbage")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("field", equalTo("cursor"));
    given().get("/api/public/items?limit=0").then().statusCode(400).body("field", equalTo("limit"));
    given().get("/api/public/items?limit=ten").then().statusCode(400);
    given().get("/api/public/items").then().statusCode(200).body("items.id", not(empty()));
  }
}
