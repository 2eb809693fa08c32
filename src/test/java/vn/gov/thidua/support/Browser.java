package vn.gov.thidua.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser stories: Debian's {@code chromium} and {@code chromium-driver} packages, driven by
 * Selenium through {@code /usr/bin/chromedriver} so nothing is ever downloaded by Selenium Manager. When either is
 * missing, {@code src/test/setup/install-chromium.sh} installs them with apt-get (as root, or with sudo), once per JVM;
 * if that is impossible the story fails saying what to install.
 *
 * <p>The browser asks for Vietnamese ({@code Accept-Language: vi}), as most officers' browsers do, or for the language
 * it is given (an officer's computer set to English), and runs in the time zone it is given, so a story can play an officer whose computer is set to another zone. Register it with
 * {@code @RegisterExtension}: one browser per test class, started on first use and again after each sign-out, closed after the class; each step's
 * {@link #screenshot} and a screenshot of every failed test land under {@code target/browser-screenshots/<story>/}.
 */
public final class Browser implements AfterTestExecutionCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path INSTALL_SCRIPT = Path.of("src/test/setup/install-chromium.sh");
    public static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** A webapp's first page in a fresh browser loads its 4 MB of scripts: on a busy machine that takes longer. */
    private static final Duration FIRST_PAGE_WAIT = Duration.ofSeconds(120);
    private static final long INSTALL_MINUTES = 15;
    /** What Chromium keeps of a signed-in officer in its profile: deleted at sign-out, the cache kept. */
    private static final List<String> SESSION_STATE = List.of("Cookies", "Cookies-journal", "Local Storage",
            "Session Storage", "Sessions", "IndexedDB", "Network Persistent State");
    private static String installFailure;

    private final String story;
    private final String timeZone;
    private final String language;
    private final Path screenshots;
    private ChromeDriver driver;
    private Path profile;
    private int shots;
    private int starts;
    /** The zone a story put the open tab on, kept when the browser is started again for another officer. */
    private String zoneOverride;

    public Browser(String story, String timeZone) {
        this(story, timeZone, "vi");
    }

    /** A browser set to this language ({@code vi}, {@code en-US}): Chromium's interface and the languages it asks for. */
    public Browser(String story, String timeZone, String language) {
        this.story = story;
        this.timeZone = timeZone;
        this.language = language;
        this.screenshots = SCREENSHOTS.resolve(story).toAbsolutePath();
    }

    public WebDriver driver() {
        if (driver == null) {
            start();
        }
        return driver;
    }

    public void open(String url) {
        driver().get(url);
    }

    /** Waits until the element is displayed. */
    public WebElement visible(By locator) {
        return new WebDriverWait(driver(), WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element is displayed and shows the text. */
    public WebElement showing(By locator, String text) {
        WebDriverWait wait = angularWait();
        wait.withMessage(() -> "expected " + locator + " to show '" + text + "'; the page shows:\n" + pageText());
        return wait.until(d -> d.findElements(locator).stream()
                .filter(element -> element.isDisplayed() && element.getText().contains(text)).findFirst().orElse(null));
    }

    /** Clicks the link or button that reads exactly this text, once it is displayed. */
    public void click(String text) {
        By link = By.xpath("//*[self::a or self::button][normalize-space(.)='" + text + "']");
        WebDriverWait wait = angularWait();
        wait.withMessage(() -> "no link or button '" + text + "'; the page shows:\n" + pageText());
        wait.until(d -> d.findElements(link).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
    }

    /** A wait that looks again when AngularJS replaced an element between finding and reading it. */
    private WebDriverWait angularWait() {
        WebDriverWait wait = new WebDriverWait(driver(), WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Waits until the page shows the text anywhere. */
    public void showsText(String text) {
        showing(By.tagName("body"), text);
    }

    public String pageText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Moves the pointer over the element, as an officer does to read a tooltip. */
    public void hover(WebElement element) {
        new Actions(driver()).moveToElement(element).perform();
    }

    /**
     * Puts the open tab on another zone than the computer's (DevTools' timezone override, kept across navigations),
     * as if the officer's computer were set to it.
     */
    public void computerZone(String zone) {
        driver();
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
        zoneOverride = zone;
    }

    public Object script(String javaScript, Object... arguments) {
        driver();
        return driver.executeScript(javaScript, arguments);
    }

    /** Signs in through a webapp's own login form, e.g. {@code signIn(base + "/camunda/app/tasklist/default/", "cb.so-y-te")}. */
    public void signIn(String appUrl, String username) {
        signOut(appUrl);
        open(appUrl);
        WebElement name = firstPage("the sign-in form", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm] input[ng-model=username]")));
        name.sendKeys(username);
        driver.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys(AsOfficer.PASSWORD);
        screenshot("dang-nhap-" + username);
        driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).withMessage(() -> "no sign-in as " + username + "; the page shows:\n" + pageText())
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
    }

    /**
     * Waits for the open webapp's first page to show what the condition looks for. A page that stays on its loading
     * spinner fails the story with the page's console, which names a blocked script (WebappPageNonce) or request.
     */
    public <T> T firstPage(String what, Function<WebDriver, T> condition) {
        driver();
        return new WebDriverWait(driver, FIRST_PAGE_WAIT)
                .withMessage(() -> "no " + what + " on " + driver.getCurrentUrl() + "; the page shows:\n" + pageText()
                        + "\nits console:\n" + console())
                .until(condition);
    }

    /**
     * Forgets the session: the next page of the webapp asks to sign in. The browser is closed and the next step starts
     * it again without the officer's cookies and storage, as another officer's computer would be; its cache of the
     * webapps' scripts stays, as a computer's does. Deleting cookies in a running browser raced the open page's own
     * requests, which could set a cookie of the old session again and have the next sign-in refused.
     */
    public void signOut(String appUrl) {
        if (driver != null) {
            driver.quit();
            driver = null;
            for (String state : SESSION_STATE) {
                deleteQuietly(profile.resolve("Default").resolve(state));
            }
        }
    }

    /** What the page wrote to its console (errors, failed requests) since the last call. */
    public String console() {
        if (driver == null) {
            return "";
        }
        try {
            StringBuilder text = new StringBuilder();
            driver.manage().logs().get("browser").forEach(entry -> text.append(entry).append('\n'));
            return text.toString();
        } catch (RuntimeException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }

    /** Saves what the browser shows as {@code target/browser-screenshots/<story>/<nn>-<step>.png}. */
    public Path screenshot(String step) {
        if (driver == null) {
            return null;
        }
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, step.replaceAll("[^A-Za-z0-9._-]", "_")));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException | RuntimeException e) {
            System.out.println("Browser: no screenshot of step " + step + ": " + e);
            return null;
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            Path file = screenshot("FAILED-" + context.getRequiredTestMethod().getName());
            System.out.println("Browser: " + context.getDisplayName() + " failed; screenshot " + file
                    + "; the page's console:\n" + console());
        }
        if (zoneOverride != null && driver != null) {
            // An empty zone lifts the override: the next test starts on the computer's own zone again
            driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
        zoneOverride = null;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            quit();
        }
        if (starts > 0) {
            System.out.println("Browser screenshots of " + story + ": " + screenshots);
        }
    }

    private void quit() {
        driver.quit();
        driver = null;
        deleteQuietly(profile);
        profile = null;
    }

    private void start() {
        ensureInstalled();
        try {
            if (profile == null) {
                profile = Files.createTempDirectory("thidua-chromium-");
            }
            if (starts++ == 0) {
                // this run's screenshots only
                deleteQuietly(screenshots);
                Files.createDirectories(screenshots);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // inherited by Chromium: the zone of the officer's computer
                .withEnvironment(Map.of("TZ", timeZone))
                .withLogFile(screenshots.resolve("chromedriver-" + starts + ".log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=" + language, "--window-size=1440,1000", "--user-data-dir=" + profile);
        String primary = language.split("-")[0];
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages",
                primary.equals(language) ? language : language + "," + primary));
        // the page's console, printed when a story fails
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, options);
        if (zoneOverride != null) {
            driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneOverride));
        }
    }

    private static synchronized void ensureInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        if (installFailure == null) {
            installFailure = install();
        }
        if (installFailure != null) {
            fail(installFailure);
        }
    }

    /** Runs the install script; returns why the browser is still missing, or null. */
    private static String install() {
        Path log = SCREENSHOTS.resolve("install-chromium.log").toAbsolutePath();
        String howTo = "The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "). Install them as root: apt-get update && apt-get install -y --no-install-recommends chromium"
                + " chromium-driver fonts-noto-core; or leave the browser tests out: mvn verify -DexcludedGroups=browser.";
        System.out.println("Browser: " + CHROMIUM + " or " + CHROMEDRIVER + " missing; running " + INSTALL_SCRIPT
                + " (apt-get), output in " + log);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder("sh", INSTALL_SCRIPT.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return INSTALL_SCRIPT + " did not finish in " + INSTALL_MINUTES + " minutes (" + log + "). " + howTo;
            }
            if (process.exitValue() != 0) {
                return INSTALL_SCRIPT + " failed (exit " + process.exitValue() + "):\n" + tail(log) + "\n" + howTo;
            }
        } catch (IOException e) {
            return "Could not run " + INSTALL_SCRIPT + ": " + e + ". " + howTo;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted while installing Chromium. " + howTo;
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return INSTALL_SCRIPT + " ran but the browser is still missing:\n" + tail(log) + "\n" + howTo;
        }
        System.out.println("Browser: Chromium and ChromeDriver installed");
        return null;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.out.println("Browser: could not delete the profile " + directory + ": " + e);
        }
    }
}
