package dev.overpaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole way in Debian's Chromium: generate, watch, save, publish, an admin approves, the item
 * appears in the public gallery and search finds it. The prompt carries markup, which every page
 * must show as text; an onerror handler in it would raise an alert and fail the test.
 */
@QuarkusTest
@Tag("browser")
class EndToEndTest {

  static final String PROMPT =
      "a blueprint of a e2equokka <b>tower</b> <img src=x onerror=alert(1)> & \"arches\"";

  @TestHTTPResource("/")
  URL base;

  private ChromeDriver user;
  private ChromeDriver admin;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    user = Chromium.start();
    wait = patient(user, 120);
  }

  @AfterEach
  void stop() {
    for (ChromeDriver d : new ChromeDriver[] {user, admin}) {
      if (d != null) {
        d.quit();
      }
    }
  }

  @Test
  void generateSavePublishApproveAndFindInThePublicGallery() throws Exception {
    generateAndSave();
    publishFromTheGeneratePage();
    String galleryUrl = user.findElement(By.id("saved-link")).getDomProperty("href");

    user.get(galleryUrl);
    WebElement caption =
        wait.until(
            d ->
                d.findElements(By.cssSelector("figure.gallery-item figcaption")).stream()
                    .findFirst()
                    .orElse(null));
    assertShownAsText(user, caption);
    wait.until(d -> d.findElement(By.cssSelector(".item-status")).getText().contains("ending"));
    Chromium.screenshot(user, "e2e-gallery.png");

    user.findElement(By.cssSelector("a.item-link")).click();
    WebElement itemPrompt = wait.until(d -> present(d.findElement(By.id("item-prompt"))));
    assertShownAsText(user, itemPrompt);
    assertTrue(
        user.findElements(By.cssSelector("#item-params tr")).size() >= 12,
        "every parameter is listed");
    Chromium.screenshot(user, "e2e-item.png");

    user.get(base + "galleries.html");
    wait.until(d -> !d.findElements(By.cssSelector("#galleries a.gallery-link")).isEmpty());
    Chromium.screenshot(user, "e2e-galleries.png");

    approveAsAdmin();

    user.get(base + "public.html");
    user.findElement(By.id("search")).sendKeys("e2equokka");
    user.findElement(By.id("search-button")).click();
    WebElement found =
        wait.until(
            d ->
                d
                    .findElements(By.cssSelector("#public-items figure.public-item figcaption"))
                    .stream()
                    .filter(c -> c.getText().contains("e2equokka"))
                    .findFirst()
                    .orElse(null));
    assertShownAsText(user, found);
    assertEquals(1, user.findElements(By.cssSelector("#public-items figure.public-item")).size());
    Chromium.screenshot(user, "e2e-public.png");
  }

  @Test
  void aVisitorWhoIsNoAdminCannotOpenTheReviewPage() throws Exception {
    user.get(base.toString());
    wait.until(d -> !d.findElement(By.id("status")).getText().isBlank());
    user.get(base + "admin");
    wait.until(d -> !d.findElements(By.id("login-form")).isEmpty());
    assertTrue(user.findElements(By.id("reviews")).isEmpty(), "no review queue for a visitor");
    Chromium.screenshot(user, "e2e-admin-refused.png");
    Object status =
        ((JavascriptExecutor) user)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/admin/reviews?status=pending').then(r => done(r.status));");
    assertEquals(403L, status, "the API refuses the visitor's session too");
  }

  @Test
  void cancelStopsOnlyItsOwnJobAndAReloadResumesTheLiveView() throws Exception {
    // Someone else's long job keeps the worker busy, so the browser's job has to wait.
    String other =
        io.restassured.RestAssured.given()
            .cookie(Session.COOKIE, "e2eOtherSession-0123456789")
            .contentType("application/json")
            .body("{\"prompt\":\"someone else\",\"steps\":25,\"skip\":0.2}")
            .post("/api/jobs")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    user.get(base.toString());
    user.findElement(By.id("prompt")).sendKeys("a sepia plan, cancelled while waiting");
    user.findElement(By.id("generate")).click();
    wait.until(d -> d.findElement(By.id("queue-position")).getText().matches(".*\\d.*"));
    Chromium.screenshot(user, "e2e-queued.png");
    String waiting = currentJob();
    user.findElement(By.id("cancel")).click();
    wait.until(d -> jobStatus(waiting).equals("cancelled"));
    assertTrue(
        List.of("queued", "running", "done").contains(jobStatus(other)),
        "the other session's job goes on");

    user.findElement(By.id("prompt")).clear();
    user.findElement(By.id("prompt")).sendKeys("an ink elevation, watched across a reload");
    user.findElement(By.id("steps")).clear();
    user.findElement(By.id("steps")).sendKeys("12");
    user.findElement(By.id("generate")).click();
    String watched =
        wait.until(
            d -> {
              String id = currentJob();
              return id != null && !id.equals(waiting) ? id : null;
            });
    wait.until(d -> jobStatus(watched).equals("running"));
    user.navigate().refresh();
    WebElement tiles = user.findElement(By.id("tiles"));
    wait.until(d -> "16".equals(tiles.getDomAttribute("data-tiles-drawn")));
    WebElement image = user.findElement(By.id("final-image"));
    wait.until(d -> Chromium.loaded(d, image));
    assertTrue(image.getDomAttribute("src").contains(watched), "the reloaded page shows that job");
  }

  /** The pending review of this test's picture; absent (a retry of the wait) until it is listed. */
  private static WebElement ourReview(org.openqa.selenium.WebDriver d) {
    return d.findElements(By.cssSelector("#reviews li.review")).stream()
        .filter(r -> r.getText().contains("e2equokka"))
        .findFirst()
        .orElseThrow(() -> new org.openqa.selenium.NoSuchElementException("no review yet"));
  }

  /** Pages re-render their lists after every action, so an element may go stale mid-check. */
  private static WebDriverWait patient(ChromeDriver driver, int seconds) {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(seconds));
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return w;
  }

  private String currentJob() {
    return (String) user.executeScript("return sessionStorage.getItem('overpaint.currentJob')");
  }

  private static String jobStatus(String id) {
    return io.restassured.RestAssured.given()
        .get("/api/jobs/" + id)
        .then()
        .extract()
        .path("status");
  }

  private void generateAndSave() throws Exception {
    user.get(base.toString());
    user.findElement(By.id("prompt")).sendKeys(PROMPT);
    user.findElement(By.id("seed")).clear();
    user.findElement(By.id("seed")).sendKeys("5");
    user.findElement(By.id("steps")).clear();
    user.findElement(By.id("steps")).sendKeys("3");
    user.findElement(By.id("generate")).click();
    WebElement tiles = user.findElement(By.id("tiles"));
    wait.until(d -> "16".equals(tiles.getDomAttribute("data-tiles-drawn")));
    WebElement image = user.findElement(By.id("final-image"));
    wait.until(d -> Chromium.loaded(d, image));
    Chromium.screenshot(user, "e2e-generate.png");

    new Select(user.findElement(By.id("gallery-select"))).selectByValue("__new__");
    user.findElement(By.id("gallery-name")).sendKeys("E2E <i>gallery</i>");
    user.findElement(By.id("save")).click();
    wait.until(d -> !d.findElements(By.id("saved-link")).isEmpty());
  }

  private void publishFromTheGeneratePage() {
    WebElement publish = wait.until(d -> present(d.findElement(By.id("publish"))));
    publish.click();
    wait.until(
        d -> d.findElement(By.id("publish-status")).getText().toLowerCase().contains("pending"));
  }

  private void approveAsAdmin() throws Exception {
    admin = Chromium.start();
    WebDriverWait adminWait = patient(admin, 30);
    admin.get(base + "admin/login");
    Chromium.screenshot(admin, "e2e-admin-login.png");
    admin.findElement(By.id("username")).sendKeys("admin");
    admin.findElement(By.id("password")).sendKeys("test-admin-password");
    admin.findElement(By.id("login")).click();
    String reviewText = adminWait.until(d -> ourReview(d).getText());
    assertTrue(reviewText.contains("<b>tower</b>"), "the admin sees the prompt as text");
    assertTrue(admin.findElements(By.cssSelector("#reviews b")).isEmpty());
    Chromium.screenshot(admin, "e2e-admin.png");
    adminWait.until(
        d -> {
          ourReview(d).findElement(By.cssSelector("button.approve")).click();
          return true;
        });
    adminWait.until(
        d ->
            d.findElements(By.cssSelector("#reviews li.review")).stream()
                .noneMatch(r -> r.getText().contains("e2equokka")));
    adminWait.until(
        d ->
            d.findElements(By.cssSelector("#audit tr.audit-entry")).stream()
                .anyMatch(r -> r.getText().contains("approve")));
    Chromium.screenshot(admin, "e2e-admin-approved.png");
  }

  /** The prompt's markup is text: the characters are there and no element was made of them. */
  private static void assertShownAsText(org.openqa.selenium.WebDriver driver, WebElement e) {
    assertTrue(e.getText().contains("<b>tower</b>"), e.getText());
    assertTrue(e.getText().contains("<img src=x onerror=alert(1)>"), e.getText());
    assertTrue(e.findElements(By.cssSelector("b, img[src='x']")).isEmpty());
    List<WebElement> injected = driver.findElements(By.cssSelector("img[src='x']"));
    assertTrue(injected.isEmpty(), "no element was made of the prompt");
  }

  private static WebElement present(WebElement e) {
    return e.isDisplayed() && !e.getText().isBlank() ? e : null;
  }
}
