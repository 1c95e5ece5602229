package com.salescadence.web.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Camunda Tasklist as a person uses it: sign in, pick a filter, open a task, fill its Camunda Form
 * (rendered by form-js) or embedded form (see {@link CommitGrid}) and complete it. Every step waits explicitly for what the person would see; a
 * step that times out leaves a screenshot and the page's HTML under target/screenshots/.
 */
public class Tasklist {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final String url;

    public Tasklist(WebDriver driver, int port) {
        this.driver = driver;
        this.url = "http://localhost:" + port + "/camunda/app/tasklist/";
    }

    // --- signing in and out ------------------------------------------------------------------

    public void signIn(String user, String password) {
        openSignInPage();
        submitSignIn(user, password);
        waitFor("the filters after signing in as " + user,
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters, [cam-tasklist-filters]")));
    }

    /**
     * Opens the Tasklist's sign-in page and waits for it up to two minutes: the first load after the application
     * started also loads the web app's plugins, which on a busy machine takes longer than one step's 30 s.
     */
    public void openSignInPage() {
        By form = By.cssSelector("form[name=signinForm] input[type=text]");
        driver.get(url);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(45), Duration.ofMillis(500)).until(ExpectedConditions.visibilityOfElementLocated(form));
            return;
        } catch (TimeoutException e) {
            // what the page loaded so far, for the test's output: the first load after start-up has been seen to stall
            System.out.println("Tasklist sign-in page not loaded after 45 s; resources: " + ((JavascriptExecutor) driver).executeScript(
                    "return performance.getEntriesByType('resource').map(r => r.name + ' ' + Math.round(r.duration) + 'ms').join('\\n');"));
        }
        driver.navigate().refresh();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(90), Duration.ofMillis(500)).until(ExpectedConditions.visibilityOfElementLocated(form));
        } catch (TimeoutException e) {
            throw new AssertionError("The Tasklist's sign-in page did not load, also after a reload" + saveFailure("sign-in page"), e);
        }
    }

    /** Fills and sends the sign-in form of the Tasklist page the browser is on (a page may then lead elsewhere). */
    public void submitSignIn(String user, String password) {
        WebElement username = waitFor("the login form", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm] input[type=text]")));
        WebElement secret = driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]"));
        // the login form may still be taking focus while we type: type again until both fields hold their text
        waitFor("the login form to hold the credentials of " + user, d -> {
            username.clear();
            username.sendKeys(user);
            secret.clear();
            secret.sendKeys(password);
            return user.equals(username.getDomProperty("value")) && password.equals(secret.getDomProperty("value"));
        });
        driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    }

    public void signOut() {
        waitFor("the account menu", ExpectedConditions.elementToBeClickable(
                By.cssSelector(".account.dropdown > a, .account .dropdown-toggle, li.account > a"))).click();
        waitFor("the log out entry", ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'account')]//a[normalize-space()='Log out' or normalize-space()='Sign out' or normalize-space()='退出登录']"))).click();
        waitFor("the login form after signing out", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm] input[type=password]")));
    }

    // --- filters and the task list ------------------------------------------------------------

    /**
     * Opens a filter by its name or by one of its languages: the filters are named "我的任务 / My tasks", so "My tasks",
     * "我的任务" and the whole name all find it.
     */
    public void openFilter(String name) {
        String named = "[.//h4//a[" + filterNamed(name) + "]]"; // the link also holds the task count
        By filter = By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter')]" + named);
        waitFor("the filter '" + name + "'", ExpectedConditions.elementToBeClickable(filter)).click();
        waitFor("the filter '" + name + "' to be active", d -> {
            List<WebElement> active = d.findElements(By.xpath("//*[contains(@class,'task-filter') and contains(@class,'active')]"
                    + named));
            return !active.isEmpty();
        });
    }

    /** The filter link's own text is the name, or "name / ...", or "... / name". */
    private static String filterNamed(String name) {
        String text = "normalize-space(text()[1])";
        return text + "='" + name + "' or starts-with(" + text + ", '" + name + " / ') or substring(" + text
                + ", string-length(" + text + ") - " + (name.length() + 2) + ")=' / " + name + "'";
    }

    /** Clicks the task in the middle column: the link of that task id, which must read as the task's name. */
    public void openTask(String taskId, String name) {
        By link = taskLink(taskId);
        WebElement task = waitFor("task '" + name + "' (" + taskId + ") in the list",
                ExpectedConditions.elementToBeClickable(link));
        if (!task.getText().contains(name)) {
            throw new AssertionError("The list entry of task " + taskId + " reads '" + task.getText() + "', not '" + name + "'");
        }
        task.click();
        waitFor("the task '" + name + "' to open", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".task-details h2.task, .task-card h2.task"), name));
    }

    /**
     * Searches the task list by task name, as a person does: types the search type (e.g. "Name" or "名称") into
     * the search field, picks it, and types the text to look for; the list then shows only the tasks whose name
     * holds the text.
     */
    public void searchTaskName(String searchType, String text) {
        WebElement field = waitFor("the search field", ExpectedConditions.elementToBeClickable(
                By.cssSelector(".search-field input.main-field")));
        click(field);
        field.sendKeys(searchType);
        WebElement type = waitFor("the search type '" + searchType + "'", d -> d.findElements(
                By.cssSelector(".search-field .dropdown-menu li a")).stream()
                .filter(a -> a.getText().trim().equals(searchType)).findFirst().orElse(null));
        type.click();
        WebElement value = waitFor("the value field of the search", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".search-field [cam-widget-search-pill] input[type=text], .search-field [cam-widget-inline-field] input")));
        value.sendKeys(text);
        value.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    public void waitUntilTaskIsGone(String taskId) {
        waitFor("task " + taskId + " to leave the list", ExpectedConditions.invisibilityOfElementLocated(taskLink(taskId)));
    }

    private static By taskLink(String taskId) {
        return By.cssSelector(".tasks-list a[href*='task=" + taskId + "']");
    }

    // --- the Camunda Form ------------------------------------------------------------------------

    public void waitForForm() {
        waitFor("the Camunda Form to render", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-container .fjs-form-field")));
    }

    /** The value of a form field found by its label: what a textarea or input shows. */
    public String fieldValue(String label) {
        return field(label).findElement(By.cssSelector("textarea, input")).getDomProperty("value");
    }

    /** Whether a form field with this label is shown (a field hidden by its condition is not rendered). */
    public boolean hasField(String label) {
        try {
            field(label);
            return true;
        } catch (org.openqa.selenium.NoSuchElementException e) {
            return false;
        }
    }

    public boolean isReadOnly(String label) {
        WebElement input = field(label).findElement(By.cssSelector("textarea, input"));
        return input.getDomProperty("readOnly").equals("true") || input.getAttribute("readonly") != null;
    }

    /** The option labels of a radio group or checklist. */
    public List<String> options(String fieldLabel) {
        return field(fieldLabel).findElements(By.cssSelector("input[type=radio], input[type=checkbox]")).stream()
                .map(this::labelOf).toList();
    }

    /** Selects a radio option or checks a checklist option by the start of its label. */
    public void choose(String fieldLabel, String optionLabel) {
        WebElement input = field(fieldLabel).findElements(By.cssSelector("input[type=radio], input[type=checkbox]")).stream()
                .filter(option -> reads(labelOf(option), optionLabel))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No option '" + optionLabel + "' in '" + fieldLabel + "': " + options(fieldLabel)));
        if (!input.isSelected()) {
            click(input);
        }
        waitFor("option '" + optionLabel + "' to be selected", ExpectedConditions.elementToBeSelected(input));
    }

    /** Picks an option of a form-js select (its own dropdown, not a native select) by the start of its label. */
    public void select(String fieldLabel, String optionLabel) {
        click(field(fieldLabel).findElement(By.cssSelector(".fjs-select-display, .fjs-input-group")));
        WebElement item = waitFor("option '" + optionLabel + "' of '" + fieldLabel + "'", d -> field(fieldLabel)
                .findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(e -> reads(e.getText().trim(), optionLabel)).findFirst().orElse(null));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(item).click().perform();
        waitFor("'" + fieldLabel + "' to show '" + optionLabel + "'", d -> field(fieldLabel).getText().contains(optionLabel));
    }

    /** The address of a link in the form (a form-js text component's markdown link) found by the start of its text. */
    public String linkHref(String text) {
        WebElement link = waitFor("the link '" + text + "' in the form", d -> d.findElements(By.cssSelector(".fjs-container a")).stream()
                .filter(a -> reads(a.getText().trim(), text)).findFirst().orElse(null));
        return link.getDomProperty("href");
    }

    /** The text of a read-only table (form-js table component), found by its label. */
    public String tableText(String label) {
        return field(label).getText();
    }

    /**
     * Types into a text field, textarea or number field found by the start of its label, and waits until the
     * form has taken the value: form-js applies typed text after a short debounce and re-renders, so text
     * typed faster than a person types can be reset by the change of the field before; it is typed again.
     */
    public void type(String fieldLabel, String text) {
        By inputs = By.cssSelector("input:not([type=radio]):not([type=checkbox]), textarea");
        waitFor("field '" + fieldLabel + "' to hold '" + text + "'", d -> {
            WebElement input = field(fieldLabel).findElement(inputs);
            if (!text.equals(input.getDomProperty("value"))) {
                input.clear();
                input.sendKeys(text);
            }
            pause(Duration.ofMillis(600));
            return text.equals(field(fieldLabel).findElement(inputs).getDomProperty("value"));
        });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // lets the form's debounce run; the test waits for the browser, not for the engine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void complete() {
        complete("Complete");
    }

    /** Clicks the Tasklist's Complete button by its label in the page's language ("Complete", "完成"). */
    public void complete(String label) {
        click(waitFor("the " + label + " button", ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='" + label + "']"))));
    }

    /** The text of the task's entry in the middle column: its name, the process's name, the dates. */
    public String taskEntryText(String taskId) {
        return waitFor("task " + taskId + " in the list", ExpectedConditions.visibilityOfElementLocated(taskLink(taskId)))
                .findElement(By.xpath("./ancestor::li[1]")).getText();
    }

    /** The names of the filters in the left column, as shown (without their task counts). */
    public List<String> filterNames() {
        return driver.findElements(By.cssSelector(".task-filters .task-filter h4 a")).stream()
                .map(a -> String.valueOf(((JavascriptExecutor) driver).executeScript(
                        "return arguments[0].childNodes[0].textContent.trim();", a)))
                .toList();
    }

    /** The Complete button in English or in Chinese (the Tasklist's zh locale). */
    public void completeInEitherLanguage() {
        click(waitFor("the Complete button", ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='Complete' or normalize-space()='完成']"))));
    }

    /** Waits for a notification of the Tasklist that contains the text and returns all of it. */
    public String waitForNotification(String text) {
        By notifications = By.cssSelector(".notifications .alert, .notifications-panel .alert, .alert-danger");
        return waitFor("a notification containing '" + text + "'", d -> d.findElements(notifications).stream()
                .map(WebElement::getText).filter(t -> t.contains(text)).findFirst().orElse(null));
    }

    /**
     * Elements of the page that data must never create: an {@code img}, {@code script} or {@code iframe} inside the
     * form (the form's own markup has none), and whether an injected script ran ({@code window.__xss}).
     */
    public long injectedElements() {
        Object count = ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('.fjs-container img, .fjs-container script, .fjs-container iframe,"
                        + " .cf-grid-wrap img, .cf-grid-wrap script, .cf-grid-wrap iframe').length"
                        + " + (window.__xss ? 1000 : 0);");
        return ((Number) count).longValue();
    }

    // --- evidence ------------------------------------------------------------------------------

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save screenshot " + name, e);
        }
    }

    public <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(200))
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            String evidence = saveFailure(what);
            throw new AssertionError("Timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what + evidence, e);
        }
    }

    private String saveFailure(String what) {
        try {
            String name = "failure-" + System.currentTimeMillis();
            Path shot = screenshot(name);
            Path html = SCREENSHOTS.resolve(name + ".html");
            Files.writeString(html, Optional.ofNullable(driver.getPageSource()).orElse(""), StandardCharsets.UTF_8);
            return " (see " + shot + " and " + html + ")";
        } catch (RuntimeException | IOException e) {
            return " (no screenshot: " + e + ")";
        }
    }

    /**
     * Scrolls the element to the middle of its scrolling pane first: the Tasklist's footer covers the bottom. When a
     * notification the Tasklist shows (a refusal, say) lies over the element, the click goes to the element itself.
     */
    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
        }
    }

    // --- form-js lookups ---------------------------------------------------------------------

    /** The form-js field whose own label starts with the text. */
    private WebElement field(String label) {
        return driver.findElements(By.cssSelector(".fjs-container .fjs-form-field")).stream()
                .filter(field -> field.findElements(By.cssSelector("label, .fjs-form-field-label")).stream()
                        .findFirst().map(l -> reads(l.getText().trim(), label)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new org.openqa.selenium.NoSuchElementException("No form field labelled '" + label + "'"));
    }

    /**
     * Whether a label shown in a form reads as the wanted text: it starts with it, or one of its languages does
     * (the forms are bilingual, "中文 / English").
     */
    public static boolean reads(String shown, String wanted) {
        if (shown.startsWith(wanted)) {
            return true;
        }
        for (String part : shown.split(" / ")) {
            if (part.trim().startsWith(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The text of the label of a radio or checkbox input: the label wrapping it or the label for its id. */
    private String labelOf(WebElement input) {
        Object text = ((JavascriptExecutor) driver).executeScript(
                "const input = arguments[0];"
                        + "const label = input.closest('label') || (input.id && document.querySelector('label[for=\"' + CSS.escape(input.id) + '\"]'));"
                        + "return label ? label.textContent.trim() : '';", input);
        return String.valueOf(text);
    }
}
