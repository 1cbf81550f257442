package dev.overpaint.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.overpaint.web.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every admin route answers 401 to the anonymous and 403 to a browser session that is no admin. */
@QuarkusTest
class AdminAccessTest {

  private static final String ID = UUID.randomUUID().toString();

  /** method, path: every admin page and API route. */
  static final List<String[]> ROUTES =
      List.of(
          new String[] {"GET", "/admin"},
          new String[] {"GET", "/admin.html"},
          new String[] {"GET", "/api/admin/me"},
          new String[] {"GET", "/api/admin/reviews?status=pending"},
          new String[] {"POST", "/api/admin/reviews/" + ID + "/approve"},
          new String[] {"POST", "/api/admin/reviews/" + ID + "/reject"},
          new String[] {"GET", "/api/admin/items?status=public"},
          new String[] {"POST", "/api/admin/items/" + ID + "/hide"},
          new String[] {"POST", "/api/admin/items/" + ID + "/unhide"},
          new String[] {"GET", "/api/admin/audit"});

  @Test
  void anonymousGets401AndANonAdminSession403OnEveryRoute() {
    for (String[] r : ROUTES) {
      String what = r[0] + " " + r[1];
      int anonymous = given().request(r[0], r[1]).then().extract().statusCode();
      assertEquals(401, anonymous, what + " anonymous");
      int wrong =
          given()
              .auth()
              .preemptive()
              .basic("admin", "wrong")
              .request(r[0], r[1])
              .then()
              .extract()
              .statusCode();
      assertEquals(401, wrong, what + " wrong password");
      int user =
          given()
              .cookie(Session.COOKIE, "adminAccessUser-0123456789")
              .request(r[0], r[1])
              .then()
              .extract()
              .statusCode();
      assertEquals(403, user, what + " non-admin session");
    }
    given()
        .get("/api/admin/reviews")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Basic"));
    // A page shows the login form, without making the browser pop up its own dialog.
    var page = given().get("/admin").then().statusCode(401).extract();
    assertTrue(page.contentType().startsWith("text/html"));
    assertFalse(page.header("WWW-Authenticate").startsWith("Basic"));
  }

  @Test
  void basicCredentialsOpenTheApiForScripts() {
    given()
        .auth()
        .preemptive()
        .basic("admin", "test-admin-password")
        .get("/api/admin/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("admin"));
    given()
        .auth()
        .preemptive()
        .basic("root", "test-admin-password")
        .get("/api/admin/me")
        .then()
        .statusCode(401);
  }

  @Test
  void theLoginFormSetsAnHttpOnlyCookieThatOpensTheReviewPageUntilLogout() {
    given()
        .redirects()
        .follow(false)
        .contentType(ContentType.URLENC)
        .formParam("username", "admin")
        .formParam("password", "nope")
        .post("/admin/login")
        .then()
        .statusCode(303)
        .header("Location", containsString("/admin/login?error=1"));

    var ok =
        given()
            .redirects()
            .follow(false)
            .contentType(ContentType.URLENC)
            .formParam("username", "admin")
            .formParam("password", "test-admin-password")
            .post("/admin/login")
            .then()
            .statusCode(303)
            .extract();
    String cookie = ok.cookie(AdminGate.COOKIE);
    assertNotNull(cookie);
    String setCookie =
        ok.headers().getValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(AdminGate.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertTrue(setCookie.contains("HttpOnly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Strict"), setCookie);

    given()
        .cookie(AdminGate.COOKIE, cookie)
        .get("/admin")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"));
    given()
        .cookie(AdminGate.COOKIE, cookie)
        .get("/api/admin/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("admin"));
    given().get("/admin/login").then().statusCode(200).contentType(containsString("text/html"));

    given()
        .redirects()
        .follow(false)
        .cookie(AdminGate.COOKIE, cookie)
        .post("/admin/logout")
        .then()
        .statusCode(303);
    given().cookie(AdminGate.COOKIE, cookie).get("/api/admin/me").then().statusCode(401);
  }

  @Test
  void passwordHashesVerifyOnlyTheirPassword() {
    String hash = AdminPasswords.hash("correct horse");
    assertTrue(AdminPasswords.wellFormed(hash));
    assertTrue(AdminPasswords.matches("correct horse", hash));
    assertFalse(AdminPasswords.matches("correct horsE", hash));
    assertFalse(AdminPasswords.matches("correct horse", "pbkdf2-sha256$1000$bad"));
    assertFalse(hash.contains("correct"));
  }
}
