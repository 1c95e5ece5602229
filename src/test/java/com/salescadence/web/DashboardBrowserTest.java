package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.salescadence.support.JsonValues.list;
import static com.salescadence.support.JsonValues.map;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.salescadence.metrics.snapshot.SnapshotService;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.QuotaService;
import com.salescadence.pipeline.AccountService;
import com.salescadence.pipeline.LeadService;
import com.salescadence.pipeline.NewLead;
import com.salescadence.pipeline.Qualification;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.Tasklist;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * The dashboard in headless Chromium, signed in through the Tasklist: the manager sees the key figures and
 * the charts drawn from the API's figures, takes a pipeline snapshot, sees a new deal (named like a script)
 * as text in the changes, drills down to a rep and back, exports a table and switches to Chinese.
 */
@CadenceIntegrationTest
class DashboardBrowserTest extends TasklistBrowserTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final String SCRIPT_DEAL = "<script>alert(1)</script>";

    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;
    @Autowired QuotaService quotas;
    @Autowired AccountService accounts;
    @Autowired LeadService leads;
    @Autowired TestRestTemplate http;
    @Autowired Clock clock;
    @Autowired SnapshotService snapshots;

    @BeforeEach
    void setUp() {
        TestOrganization.ensure(organization, administration);
        TestOrganization.speak(administration, "en"); // the assertions read the English texts
    }

    @Test
    void a_manager_opens_the_dashboard_from_the_tasklist_sign_in_drills_down_and_reads_it_in_chinese() throws Exception {
        // given this quarter's quotas and two open deals at the first stage (win rate 10%) closing this quarter
        LocalDate today = LocalDate.now(clock);
        String quarter = QuotaService.quarterOf(today);
        quotas.set(TestOrganization.MANAGER, quarter, new BigDecimal("1500000"), new BigDecimal("1800000"), "CNY");
        quotas.set(TestOrganization.REP, quarter, new BigDecimal("1000000"), new BigDecimal("1200000"), "CNY");
        quotas.set(TestOrganization.TEAMMATE, quarter, new BigDecimal("500000"), new BigDecimal("600000"), "CNY");
        LocalDate quarterEnd = today.with(IsoFields.DAY_OF_QUARTER, today.range(IsoFields.DAY_OF_QUARTER).getMaximum());
        // the week's snapshot (the weekly timer's) before the deals: "what changed" this week shows them as new
        long weekly = snapshots.takeWeekly();
        deal(TestOrganization.REP, "Smart factory MES", "600000", quarterEnd);
        deal(TestOrganization.TEAMMATE, "Cold chain sensors", "300000", quarterEnd);
        // and a small deal (below out-of-funnel-below, 50,000): beside the figures, in none of them
        deal(TestOrganization.REP, "Spare parts", "30000", quarterEnd);

        WebDriver browser = browser();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        String dashboard = "http://localhost:" + port + "/dashboard/";

        // nobody signed in: a friendly prompt that leads to the Tasklist's sign-in, and from there back to the dashboard
        tasklist.openSignInPage(); // loaded once, so the step below waits for the page, not for the web app's first start
        browser.get(dashboard);
        WebElement prompt = tasklist.waitFor("the sign-in prompt", ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
        assertThat(prompt.findElement(By.id("signin-link")).getDomAttribute("href")).isEqualTo("/camunda/app/tasklist/");
        prompt.findElement(By.id("signin-link")).click();
        tasklist.submitSignIn(TestOrganization.MANAGER, TestOrganization.PASSWORD);
        waitForPerson(TestOrganization.MANAGER);
        assertThat(browser.getCurrentUrl()).isEqualTo(dashboard);

        // the manager opens the dashboard from the Tasklist's header: their team's figures
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        WebElement menuEntry = tasklist.waitFor("the dashboard entry in the Tasklist's header",
                ExpectedConditions.elementToBeClickable(By.cssSelector("a.cadence-dashboard-link")));
        assertThat(menuEntry.getText()).isEqualTo("Dashboard");
        tasklist.screenshot("dashboard-0-tasklist-header");
        menuEntry.click();
        waitForPerson(TestOrganization.MANAGER);
        assertThat(browser.getCurrentUrl()).isEqualTo(dashboard);
        assertThat(browser.findElement(By.id("person-name")).getText()).isEqualTo("Meng Manager");

        // the targets chart is drawn, with the figures of the API
        Map<String, Object> overview = api(TestOrganization.MANAGER, "/api/metrics/overview");
        List<Map<String, Object>> children = list(overview.get("children"));
        assertThat(children).extracting(c -> c.get("name")).containsExactly("Ren Rep", "Tang Teammate");
        Map<String, Object> rep = children.get(0);
        assertThat(new BigDecimal(rep.get("forecast").toString())).isEqualByComparingTo("60000");
        assertCanvasDrawn("chart-targets");
        assertThat(chartOption(js, "chart-targets", "xAxis[0].data")).isEqualTo(List.of("Ren Rep", "Tang Teammate"));
        assertThat(numbers(chartOption(js, "chart-targets", "series[1].data")))
                .isEqualTo(children.stream().map(c -> dec(c.get("forecast").toString())).toList());
        assertThat(numbers(chartOption(js, "chart-targets", "series[2].data"))).containsExactly(dec("1000000"), dec("500000"));
        for (String chart : List.of("chart-accuracy", "chart-growth", "chart-funnel", "chart-compliance", "chart-waterfall")) {
            assertCanvasDrawn(chart);
        }
        assertThat(list(chartOption(js, "chart-accuracy", "xAxis[0].data"))).hasSize(13);
        assertThat(list(chartOption(js, "chart-funnel", "series"))).hasSize(2);
        List<Map<String, Object>> stages = list(api(TestOrganization.MANAGER, "/api/metrics/funnel").get("stages"));
        assertThat(numbers(chartOption(js, "chart-funnel", "series[0].data"))).as("this view's funnel: entered per stage")
                .isEqualTo(stages.stream().map(st -> dec(map(st.get("person")).get("entered").toString())).toList())
                .startsWith(dec("2"));
        assertThat(numbers(chartOption(js, "chart-funnel", "series[1].data"))).as("the company's funnel")
                .isEqualTo(stages.stream().map(st -> dec(map(st.get("company")).get("entered").toString())).toList());

        // each figure shows its flag and how it was computed
        WebElement coverage = figure(browser, "coverage");
        Map<String, Object> coverageFigure = map(overview.get("coverage"));
        assertThat(coverage.findElement(By.cssSelector(".explain")).getText())
                .contains("pipeline 900,000 / remaining target 1,500,000 = 60% (target > 150%)");
        assertThat(coverageFigure.get("flag")).isEqualTo("LOW");
        assertThat(coverage.findElement(By.cssSelector(".flag")).getText()).isEqualTo("Low");
        assertThat(coverage.findElement(By.cssSelector(".flag")).getDomAttribute("class")).contains("flag-bad");
        assertThat(figure(browser, "forecast").findElement(By.cssSelector(".flag")).getText()).isEqualTo("Needs more pipeline");
        assertThat(figure(browser, "forecast").findElement(By.cssSelector(".kpi-value")).getText()).isEqualTo("90,000");
        assertThat(figure(browser, "forecast").findElement(By.cssSelector(".scope")).getText())
                .isEqualTo("Open funnel deals closing by quarter end");
        assertThat(figure(browser, "pipelineThisQuarter").findElement(By.cssSelector(".kpi-value")).getText()).isEqualTo("900,000");
        assertThat(figure(browser, "smallDealsInProgress").findElement(By.cssSelector(".kpi-value")).getText()).isEqualTo("1 · 30,000");
        assertThat(figure(browser, "pipelineGrowth").findElement(By.cssSelector(".scope")).getText())
                .isEqualTo("All open funnel deals, any close date");
        assertThat(browser.findElements(By.cssSelector("#table-funnel th")).stream().map(WebElement::getText))
                .contains("Still in stage", "Stuck ≥ 30 days");

        // charts without data say so rather than showing empty axes: no commits yet, no report cycles yet
        for (String chart : List.of("chart-accuracy", "chart-compliance")) {
            assertThat(browser.findElement(By.id(chart)).getDomAttribute("data-empty")).as(chart).isEqualTo("true");
            assertThat(chartOption(js, chart, "title[0].text")).as(chart).isEqualTo("No data yet");
        }
        assertThat(browser.findElement(By.id("chart-targets")).getDomAttribute("data-empty")).isEqualTo("false");

        // what changed this week: the three deals are new since the weekly snapshot
        tasklist.waitFor("this week's changes", ExpectedConditions.textToBePresentInElementLocated(By.id("changes-summary"), "→ 900,000"));
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("snapshot-from")))
                .getFirstSelectedOption().getDomAttribute("value")).isEqualTo(String.valueOf(weekly));

        // the manager takes a snapshot (a POST with the Tasklist sign-in): listed, and the week's view stays as it was
        WebElement take = browser.findElement(By.id("snapshot-take"));
        assertThat(take.isDisplayed()).isTrue();
        take.click();
        tasklist.waitFor("the new snapshot in the list", d -> d.findElements(By.cssSelector("#snapshot-from option")).size() == 2);
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("snapshot-from")))
                .getFirstSelectedOption().getDomAttribute("value")).isEqualTo(String.valueOf(weekly));
        assertThat(browser.findElement(By.id("changes-summary")).getText()).contains("→ 900,000");
        assertThat(browser.findElements(By.cssSelector("#table-changes tbody td")).stream().map(WebElement::getText))
                .contains("Smart factory MES", "Cold chain sensors")
                .as("stages by their names, not their codes").noneMatch(text -> text.matches("[A-Z_]{4,}"));
        fullPageScreenshot(browser, "dashboard-snapshot-keeps-the-week");
        // then a rep enters a deal named like a script
        deal(TestOrganization.TEAMMATE, SCRIPT_DEAL, "250000", quarterEnd);
        browser.navigate().refresh();
        waitForPerson(TestOrganization.MANAGER);
        WebElement changes = tasklist.waitFor("the new deal in the changes", d -> d.findElements(By.cssSelector("#table-changes tbody td"))
                .stream().filter(td -> td.getText().equals(SCRIPT_DEAL)).findFirst().orElse(null));
        assertThat(changes.findElements(By.tagName("script"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElement(By.id("changes-summary")).getText()).contains("→ 1,150,000");
        // from the week's snapshot (before any deal): start 0, every deal NEW (900,000 + 250,000), end 1,150,000
        assertThat(numbers(chartOption(js, "chart-waterfall", "series[1].data"))).startsWith(dec("0"), dec("1150000"))
                .endsWith(dec("1150000"));

        // CSV export: a UTF-8 file with a byte order mark, every field quoted
        String csv = exportCsv(js, "table-changes");
        assertThat(csv).startsWith("\uFEFF\"Deal\",\"Owner\"").contains("\"" + SCRIPT_DEAL + "\",\"Tang Teammate\"");  // owners by name, not login
        fullPageScreenshot(browser, "dashboard");

        // drill down: the rep's own figures, the way back in the breadcrumb
        browser.findElements(By.cssSelector("#table-children tbody tr")).stream()
                .filter(tr -> tr.getText().contains("Ren Rep")).findFirst().orElseThrow().click();
        waitForPerson(TestOrganization.REP);
        assertThat(browser.findElement(By.id("person-name")).getText()).isEqualTo("Ren Rep");
        assertThat(figure(browser, "forecast").findElement(By.cssSelector(".kpi-value")).getText()).isEqualTo("60,000");
        assertThat(figure(browser, "quota").findElement(By.cssSelector(".kpi-value")).getText()).isEqualTo("1,000,000");
        assertThat(chartOption(js, "chart-targets", "xAxis[0].data")).isEqualTo(List.of("Ren Rep"));
        assertThat(browser.findElement(By.id("breadcrumb")).getText()).contains("Meng Manager").contains("Ren Rep");

        // in Chinese
        browser.findElement(By.id("lang-zh")).click();
        tasklist.waitFor("Chinese labels", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#section-targets h2"), "预测 vs 配额 vs 挑战目标"));
        assertThat(figure(browser, "forecast").findElement(By.cssSelector("h3")).getText()).isEqualTo("预测（加权商机）");
        assertThat(figure(browser, "forecast").findElement(By.cssSelector(".explain")).getText()).contains("加权商机 60,000");
        assertThat(figure(browser, "smallDealsInProgress").findElement(By.cssSelector("h3")).getText()).isEqualTo("进行中的小单");
        assertThat(figure(browser, "coverage").findElement(By.cssSelector(".explain")).getText()).contains("（目标 > 150%）");
        assertThat(chartOption(js, "chart-accuracy", "title[0].text")).isEqualTo("暂无数据");
        assertThat(figure(browser, "smallDealsInProgress").findElement(By.cssSelector(".kpi-value")).getText()).isEqualTo("1 · 30,000");
        assertThat(figure(browser, "coverage").findElement(By.cssSelector(".scope")).getText()).isEqualTo("本季度末前预计成交的漏斗内未结商机");
        assertThat(browser.findElement(By.cssSelector("#table-children th")).getText()).isEqualTo("姓名");
        assertThat(list(chartOption(js, "chart-targets", "series")).stream().map(s -> map(s).get("name")))
                .contains("预测（加权）", "配额");
        assertThat(exportCsv(js, "table-children")).startsWith("\uFEFF\"姓名\",\"角色\"");
        fullPageScreenshot(browser, "dashboard-rep-zh");

        // back up through the breadcrumb
        browser.findElement(By.cssSelector("#breadcrumb a")).click();
        waitForPerson(TestOrganization.MANAGER);
        assertThat(browser.findElement(By.id("person-name")).getText()).isEqualTo("Meng Manager");

        // the import page, from the Tasklist's header like the dashboard, in the dashboard's look (its stylesheet)
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        tasklist.waitFor("the import entry in the Tasklist's header",
                ExpectedConditions.elementToBeClickable(By.cssSelector("a.cadence-import-link"))).click();
        tasklist.waitFor("the import page", ExpectedConditions.visibilityOfElementLocated(By.id("type")));
        assertThat(browser.getCurrentUrl()).endsWith("/import/");
        assertThat(browser.findElements(By.cssSelector("link[rel=stylesheet]")).stream().map(l -> l.getDomAttribute("href")))
                .contains("/dashboard/dashboard.css");
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('header.topbar')).backgroundColor"))
                .isEqualTo("rgb(29, 37, 51)");
        browser.findElement(By.id("lang-en")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Import from CSV");
        fullPageScreenshot(browser, "import-page-en");
        browser.findElement(By.id("lang-zh")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("从 CSV 导入");
        assertThat(browser.findElement(By.cssSelector(".toplinks a[href='/dashboard/']")).getText()).isEqualTo("仪表板");
        fullPageScreenshot(browser, "import-page-zh");
    }

    private void deal(String owner, String name, String amount, LocalDate close) {
        leads.qualify(leads.create(new NewLead(TestOrganization.account(accounts, owner).id(), owner, name, "Web",
                new BigDecimal(amount))).id(), new Qualification(true, "Approved", "CIO", "Need", "This quarter", null, name,
                new BigDecimal(amount), close));
    }

    private void waitForPerson(String personId) {
        tasklist.waitFor("the dashboard of " + personId, d -> personId.equals(
                ((JavascriptExecutor) d).executeScript("return document.body.dataset.loadedPerson")));
    }

    private static WebElement figure(WebDriver browser, String name) {
        return browser.findElement(By.cssSelector("#kpis [data-figure='" + name + "']"));
    }

    private void assertCanvasDrawn(String chartId) {
        WebElement canvas = tasklist.waitFor("the canvas of " + chartId,
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chartId + " canvas")));
        assertThat(canvas.getSize().getWidth()).as(chartId + " width").isGreaterThan(100);
        assertThat(canvas.getSize().getHeight()).as(chartId + " height").isGreaterThan(100);
    }

    private static Object chartOption(JavascriptExecutor js, String chartId, String path) {
        // a path like series[1].data, resolved step by step (the page's Content-Security-Policy forbids eval)
        return js.executeScript("let v = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();"
                + "for (const step of arguments[1].match(/[^.\\[\\]]+/g)) { v = v[step]; }"
                + "return JSON.parse(JSON.stringify(v));", chartId, path);
    }

    /** Chart data as numbers: plain values or {value: ...} items. */
    private static List<BigDecimal> numbers(Object data) {
        return ((List<?>) data).stream().map(v -> v instanceof Map<?, ?> m ? m.get("value") : v)
                .filter(v -> v instanceof Number).map(v -> dec(v.toString())).toList();
    }

    /** Compared by value: 60000 and 60000.00 are the same amount. */
    private static BigDecimal dec(String value) {
        return new BigDecimal(value).stripTrailingZeros();
    }

    /** Clicks the table's Export CSV button and reads the file it would save (the Blob handed to the download link). */
    private static String exportCsv(JavascriptExecutor js, String tableId) {
        js.executeScript("window.__csv = null; const original = URL.createObjectURL;"
                + "URL.createObjectURL = blob => { window.__csv = blob; URL.createObjectURL = original; return original(blob); };"
                + "document.querySelector(\"button.csv[data-table='\" + arguments[0] + \"']\").click();", tableId);
        Object text = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.__csv.arrayBuffer().then(b => done(new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)));");
        return String.valueOf(text);
    }

    private Map<String, Object> api(String user, String path) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, TestOrganization.PASSWORD)
                .exchange(path, HttpMethod.GET, null, JSON);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + ": " + response.getBody()).isTrue();
        return response.getBody();
    }

    /** The whole page, not only the window: the window is made as tall as the page for the shot. */
    private static Path fullPageScreenshot(WebDriver browser, String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 6000)));
        try {
            Files.createDirectories(Tasklist.SCREENSHOTS);
            Path target = Tasklist.SCREENSHOTS.resolve(name + ".png");
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
