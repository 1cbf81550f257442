package dev.overpaint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person's path through the app in Debian's Chromium: prompt, live tiles, save, gallery. */
@QuarkusTest
@Tag("browser")
class BrowserTest {

  @TestHTTPResource("/")
  URL base;

  private ChromeDriver driver;

  @BeforeEach
  void startChromium() throws Exception {
    driver = Chromium.start();
  }

  @AfterEach
  void stopChromium() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void promptToLiveTilesToGallery() throws Exception {
    driver.get(base.toString());
    driver
        .findElement(By.id("prompt"))
        .sendKeys("a blueprint of a domed tower with arched windows");
    driver.findElement(By.id("seed")).sendKeys("7");
    driver.findElement(By.id("steps")).sendKeys("4");
    driver.findElement(By.id("generate")).click();

    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
    WebElement tiles = driver.findElement(By.id("tiles"));
    wait.until(d -> "16".equals(tiles.getDomAttribute("data-tiles-drawn")));
    WebElement image = driver.findElement(By.id("final-image"));
    wait.until(d -> loaded(image));
    assertTrue(image.getDomAttribute("src").endsWith("/image.png"));
    assertTrue(
        loaded(driver.findElement(By.id("init-image"))), "the GAN base is shown beside the result");
    screenshot("generate.png");

    new Select(driver.findElement(By.id("gallery-select"))).selectByValue("__new__");
    driver.findElement(By.id("gallery-name")).sendKeys("Browser test towers");
    driver.findElement(By.id("save")).click();
    WebElement link =
        wait.until(d -> d.findElements(By.id("saved-link")).stream().findFirst().orElse(null));
    link.click();

    wait.until(
        d -> d.findElement(By.id("gallery-title")).getText().contains("Browser test towers"));
    WebElement item =
        wait.until(
            d ->
                d.findElements(By.cssSelector("img.gallery-item-image")).stream()
                    .filter(this::loaded)
                    .findFirst()
                    .orElse(null));
    assertTrue(item.getDomAttribute("src").endsWith("/image.png"));
    assertEquals(
        "a blueprint of a domed tower with arched windows",
        driver.findElement(By.cssSelector("figure.gallery-item figcaption")).getText());
    screenshot("gallery.png");
  }

  private boolean loaded(WebElement img) {
    return Chromium.loaded(driver, img);
  }

  private void screenshot(String name) throws Exception {
    Chromium.screenshot(driver, name);
  }
}
