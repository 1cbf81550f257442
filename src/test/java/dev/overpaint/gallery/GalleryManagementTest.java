package dev.overpaint.gallery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.overpaint.TestJobs;
import dev.overpaint.web.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Rename, delete, remove, reorder, the item page and thumbnails; only the owner may change. */
@QuarkusTest
class GalleryManagementTest {

  private static final String OWNER = "galleryMgmtOwner-0123456789";
  private static final String OTHER = "galleryMgmtOther-0123456789";

  @Test
  void theOwnerRenamesReordersRemovesAndDeletes() {
    String a = TestJobs.finishedJob(OWNER, "a sepia elevation of a tower", 1);
    String b = TestJobs.finishedJob(OWNER, "a blueprint of a dome", 2);
    String[] g = TestJobs.galleryWith(OWNER, "Drafts", a, b);
    String gallery = g[0];

    given()
        .cookie(Session.COOKIE, OWNER)
        .contentType(ContentType.JSON)
        .body("{\"name\":\"  Finals \"}")
        .patch("/api/galleries/" + gallery)
        .then()
        .statusCode(200)
        .body("name", equalTo("Finals"))
        .body("itemCount", equalTo(2));

    given()
        .cookie(Session.COOKIE, OWNER)
        .contentType(ContentType.JSON)
        .body("{\"itemIds\":[\"" + g[2] + "\",\"" + g[1] + "\"]}")
        .put("/api/galleries/" + gallery + "/order")
        .then()
        .statusCode(200)
        .body("items.id", contains(g[2], g[1]))
        .body("owned", equalTo(true));

    given()
        .cookie(Session.COOKIE, OWNER)
        .delete("/api/galleries/" + gallery + "/items/" + g[2])
        .then()
        .statusCode(204);
    given().get("/api/galleries/" + gallery).then().body("items.id", contains(g[1]));

    given()
        .cookie(Session.COOKIE, OWNER)
        .delete("/api/galleries/" + gallery)
        .then()
        .statusCode(204);
    given()
        .get("/api/galleries/" + gallery)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void refusedChangesLeaveTheGalleryAsItWas() {
    String a = TestJobs.finishedJob(OWNER, "an ink plan of stairs", 3);
    String b = TestJobs.finishedJob(OWNER, "an ink plan of columns", 4);
    String[] g = TestJobs.galleryWith(OWNER, "Plans", a, b);
    String gallery = g[0];

    // Another session may look but not touch.
    given()
        .cookie(Session.COOKIE, OTHER)
        .get("/api/galleries/" + gallery)
        .then()
        .statusCode(200)
        .body("owned", equalTo(false));
    given()
        .cookie(Session.COOKIE, OTHER)
        .contentType(ContentType.JSON)
        .body("{\"name\":\"Mine now\"}")
        .patch("/api/galleries/" + gallery)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .cookie(Session.COOKIE, OTHER)
        .delete("/api/galleries/" + gallery)
        .then()
        .statusCode(403);
    given()
        .cookie(Session.COOKIE, OTHER)
        .delete("/api/galleries/" + gallery + "/items/" + g[1])
        .then()
        .statusCode(403);
    given()
        .cookie(Session.COOKIE, OTHER)
        .post("/api/galleries/" + gallery + "/items/" + g[1] + "/publish")
        .then()
        .statusCode(403);

    // Bad input from the owner: an empty name, an order that drops an item or names a stranger.
    given()
        .cookie(Session.COOKIE, OWNER)
        .contentType(ContentType.JSON)
        .body("{\"name\":\"   \"}")
        .patch("/api/galleries/" + gallery)
        .then()
        .statusCode(400)
        .body("field", equalTo("name"));
    for (String order :
        new String[] {
          "[\"" + g[2] + "\"]",
          "[\"" + g[2] + "\",\"" + g[2] + "\"]",
          "[\"" + g[2] + "\",\"not-a-uuid\"]",
          "[\"" + g[2] + "\",\"" + java.util.UUID.randomUUID() + "\"]"
        }) {
      given()
          .cookie(Session.COOKIE, OWNER)
          .contentType(ContentType.JSON)
          .body("{\"itemIds\":" + order + "}")
          .put("/api/galleries/" + gallery + "/order")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("field", equalTo("itemIds"));
    }

    given()
        .get("/api/galleries/" + gallery)
        .then()
        .body("name", equalTo("Plans"))
        .body("items.id", contains(g[1], g[2]))
        .body("items.status", contains("private", "private"));
  }

  @Test
  void anItemPageShowsEveryParameterAndItsThumbnailIsCachedByETag() throws Exception {
    String job = TestJobs.finishedJob(OWNER, "a coloured wash of a pediment", 5);
    String[] g = TestJobs.galleryWith(OWNER, "Detail", job);
    String item = g[1];

    given()
        .cookie(Session.COOKIE, OWNER)
        .contentType(ContentType.JSON)
        .body("{\"displayName\":\"Ada\"}")
        .put("/api/session")
        .then()
        .statusCode(200);
    given()
        .cookie(Session.COOKIE, OTHER)
        .get("/api/items/" + item)
        .then()
        .statusCode(200)
        .body("galleryName", equalTo("Detail"))
        .body("author", equalTo("Ada"))
        .body("status", equalTo("private"))
        .body("owned", equalTo(false))
        .body("job.prompt", equalTo("a coloured wash of a pediment"))
        .body("job.seed", equalTo(5))
        .body("job.steps", equalTo(1))
        .body("job.guidanceSettings.cutn", equalTo(2));

    var first =
        given()
            .get("/api/items/" + item + "/thumbnail.png")
            .then()
            .statusCode(200)
            .contentType("image/png")
            .extract();
    String etag = first.header("ETag");
    assertTrue(etag != null && etag.startsWith("\""), "a strong ETag");
    assertTrue(first.header("Cache-Control").contains("max-age=31536000"));
    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(first.asByteArray()));
    assertEquals(Thumbnails.SIZE, thumb.getWidth());

    given()
        .header("If-None-Match", etag)
        .get("/api/items/" + item + "/thumbnail.png")
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag));
    given()
        .get("/api/items/" + java.util.UUID.randomUUID() + "/thumbnail.png")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void galleriesAreListedWithTheirItemCounts() {
    String session = "galleryMgmtLister-0123456789";
    String job = TestJobs.finishedJob(session, "a blueprint of arches", 6);
    String[] g = TestJobs.galleryWith(session, "Counted", job);
    given()
        .cookie(Session.COOKIE, session)
        .get("/api/galleries")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].id", equalTo(g[0]))
        .body("[0].itemCount", equalTo(1));
  }
}
