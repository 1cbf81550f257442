package dev.overpaint.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overpaint.TestJobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class JobApiTest {

  static final String SMALL_JOB =
      "{\"prompt\":\"a blueprint of a domed tower\",\"seed\":7,\"steps\":2,\"grid\":2,"
          + "\"guidance\":100,\"cutn\":1,\"tvScale\":5}";

  @Test
  void aJobRunsToDoneAndItsPngCarriesEveryParameter() throws Exception {
    String id =
        given()
            .contentType(ContentType.JSON)
            .body(SMALL_JOB)
            .when()
            .post("/api/jobs")
            .then()
            .statusCode(202)
            .header("Location", containsString("/api/jobs/"))
            .body("status", equalTo("queued"))
            .body("position", greaterThanOrEqualTo(0))
            .extract()
            .path("id");

    JsonNode job = TestJobs.awaitFinished(id);
    assertEquals("done", job.get("status").asText(), job.toString());
    assertEquals(2, job.get("step").asInt());
    assertEquals(7, job.get("seed").asLong());
    assertEquals(1, job.get("guidanceSettings").get("cutn").asInt());
    assertEquals(5.0, job.get("guidanceSettings").get("tvScale").asDouble());
    assertTrue(job.hasNonNull("startedAt") && job.hasNonNull("finishedAt"));

    byte[] png =
        given()
            .get("/api/jobs/" + id + "/image.png")
            .then()
            .statusCode(200)
            .contentType("image/png")
            .extract()
            .asByteArray();
    JsonNode meta = new ObjectMapper().readTree(textChunk(png, "overpaint"));
    assertEquals("a blueprint of a domed tower", meta.get("prompt").asText());
    assertEquals(7, meta.get("seed").asLong());
    assertEquals("joint", meta.get("blend").asText());
    assertEquals(100.0, meta.get("guidance").asDouble());
    assertEquals(1, meta.get("guidanceSettings").get("cutn").asInt());
    assertEquals(112, meta.get("canvas").get("width").asInt());
    assertEquals(64, meta.get("tiles").get("size").asInt());
    assertEquals(64, meta.get("models").get("denoiser").get("sha256").asText().length());
    assertEquals(112, ImageIO.read(new ByteArrayInputStream(png)).getWidth());

    given().get("/api/jobs/" + id + "/init.png").then().statusCode(200).contentType("image/png");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"prompt\":\"\"}|prompt",
        "{\"seed\":1}|prompt",
        "{\"prompt\":\"x\",\"steps\":0}|steps",
        "{\"prompt\":\"x\",\"steps\":201}|steps",
        "{\"prompt\":\"x\",\"skip\":1.0}|skip",
        "{\"prompt\":\"x\",\"skip\":0.99,\"steps\":50}|steps",
        "{\"prompt\":\"x\",\"guidance\":-1}|guidance",
        "{\"prompt\":\"x\",\"grid\":9}|grid",
        "{\"prompt\":\"x\",\"blend\":\"mosaic\"}|blend",
        "{\"prompt\":\"x\",\"seed\":-5}|seed",
        "{\"prompt\":\"x\",\"seed\":9007199254740993}|seed",
        "{\"prompt\":\"x\",\"colour\":\"red\"}|colour",
        "{\"prompt\":\"x\",\"steps\":\"many\"}|steps",
        "{\"prompt\":\"x\",\"steps\":2.5}|steps",
        "{\"prompt\":\"x\",\"cutn\":0}|cutn",
        "{\"prompt\":\"x\",\"canvasShare\":1.5}|canvasShare",
        "{\"prompt\":\"x\",\"tvScale\":-1}|tvScale",
        "{\"prompt\":\"x\",\"clampMax\":0}|clampMax"
      })
  void invalidRequestsAreProblemsNamingTheField(String body, String field) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/jobs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("field", equalTo(field))
        .body("title", equalTo("Invalid request"));
  }

  @Test
  void aTooLongPromptIsRefused() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"prompt\":\"" + "a".repeat(501) + "\"}")
        .post("/api/jobs")
        .then()
        .statusCode(400)
        .body("field", equalTo("prompt"));
  }

  @Test
  void malformedJsonIsAProblem() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"prompt\":")
        .post("/api/jobs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void unknownJobsAreNotFound() {
    given()
        .get("/api/jobs/00000000-0000-0000-0000-000000000000")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
    given().get("/api/jobs/not-a-uuid").then().statusCode(404);
  }

  @Test
  void onlyTheCreatingSessionMayCancel() {
    var created =
        given()
            .contentType(ContentType.JSON)
            .body("{\"prompt\":\"ink elevation\",\"seed\":1,\"steps\":40,\"grid\":2}")
            .post("/api/jobs")
            .then()
            .statusCode(202)
            .extract();
    String id = created.path("id");
    String owner = created.cookie(Session.COOKIE);

    given()
        .post("/api/jobs/" + id + "/cancel")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .cookie(Session.COOKIE, owner)
        .post("/api/jobs/" + id + "/cancel")
        .then()
        .statusCode(202);
    JsonNode job = TestJobs.awaitFinished(id);
    assertEquals("cancelled", job.get("status").asText());
    given()
        .get("/api/jobs/" + id + "/image.png")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndLax() {
    String header =
        given()
            .contentType(ContentType.JSON)
            .body("{\"prompt\":\"\"}")
            .post("/api/jobs")
            .then()
            .extract()
            .header("Set-Cookie");
    assertTrue(header.contains("HttpOnly"), header);
    assertTrue(header.toLowerCase().contains("samesite=lax"), header);
  }

  static String textChunk(byte[] png, String keyword) throws java.io.IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
      reader.setInput(in);
      IIOMetadataNode root =
          (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      var entries = root.getElementsByTagName("tEXtEntry");
      for (int i = 0; i < entries.getLength(); i++) {
        var e = (IIOMetadataNode) entries.item(i);
        if (keyword.equals(e.getAttribute("keyword"))) {
          return e.getAttribute("value");
        }
      }
      throw new AssertionError("no tEXt chunk " + keyword);
    }
  }
}
