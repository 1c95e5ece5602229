package com.salescadence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.support.CadenceIntegrationTest;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.Chromium;

/**
 * The import page in headless Chromium as a manager: a dry run lists the bad rows as text (a deal name
 * with markup stays text), the page speaks Chinese, and a good file imports with the progress bar at 100%.
 * The API's HTTP Basic credentials are sent by the browser (DevTools extra headers) until the API has a session login.
 */
@CadenceIntegrationTest
class ImportPageBrowserTest {

    @LocalServerPort int port;
    @Autowired OrganizationService organization;
    @Autowired OrganizationAdministration administration;

    private ChromeDriver browser;

    @BeforeEach
    void open() {
        TestOrganization.ensure(organization, administration);
        browser = Chromium.start();
        browser.executeCdpCommand("Network.enable", Map.of());
        String basic = Base64.getEncoder().encodeToString((TestOrganization.MANAGER + ":" + TestOrganization.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_manager_dry_runs_a_bad_file_reads_the_bad_rows_and_imports_a_good_one() throws Exception {
        browser.get("http://localhost:" + port + "/import");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Import from CSV");

        Path dir = Files.createDirectories(Path.of("target", "import-page"));
        Path bad = dir.resolve("bad-opportunities.csv");
        Files.writeString(bad, "account,name,owner,amount,expected_close_date,stage\r\n"
                + "Nowhere <b>Ltd</b>,Deal,t.rep1,100000," + LocalDate.now().plusDays(30) + ",IDENTIFY\r\n"
                + "Nowhere <b>Ltd</b>,Deal 2,t.rep3,abc," + LocalDate.now().plusDays(30) + ",IDENTIFY\r\n", StandardCharsets.UTF_8);
        new Select(browser.findElement(By.id("type"))).selectByValue("opportunities");
        assertThat(browser.findElement(By.id("template")).getAttribute("href")).endsWith("/api/imports/templates/opportunities?lang=en");
        browser.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("dry-run")).click();
        wait.until(d -> d.findElement(By.id("problems")).isDisplayed());

        List<List<String>> rows = browser.findElements(By.cssSelector("#problems tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(rows).containsExactly(
                List.of("2", "account", "No account named 'Nowhere <b>Ltd</b>', neither in this import nor among the accounts you may see."),
                List.of("3", "account", "No account named 'Nowhere <b>Ltd</b>', neither in this import nor among the accounts you may see."),
                List.of("3", "owner", "Owner 't.rep3' is not in your team."),
                List.of("3", "amount", "Amount must be a number like 125000.00, got 'abc'."));
        assertThat(browser.findElements(By.cssSelector("#problems b"))).as("markup from the file stays text").isEmpty();
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Bad rows found: nothing was stored");

        browser.findElement(By.id("lang-zh")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("从 CSV 导入");
        assertThat(browser.findElement(By.cssSelector("#problems th")).getText()).isEqualTo("行");
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("发现错误行：未保存任何数据");
        browser.findElement(By.id("lang-en")).click();

        Path good = dir.resolve("accounts.csv");
        Files.writeString(good, "\uFEFFname,tier,industry,owner\r\nPage Test Co,KEY,Testing,t.rep1\r\n", StandardCharsets.UTF_8);
        new Select(browser.findElement(By.id("type"))).selectByValue("accounts");
        browser.findElement(By.id("file")).clear();
        browser.findElement(By.id("file")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.id("import")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("Imported"));
        assertThat(browser.findElement(By.id("progress")).getAttribute("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Imported 1 account.");
        assertThat(browser.findElement(By.id("problems")).isDisplayed()).isFalse();
        Files.write(Path.of("target", "import-page.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void a_manager_imports_deals_with_their_stage_history_from_the_page_in_chinese() throws Exception {
        browser.get("http://localhost:" + port + "/import");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.findElement(By.id("lang-zh")).click();
        Path dir = Files.createDirectories(Path.of("target", "import-page"));
        LocalDate today = LocalDate.now();
        Path accounts = dir.resolve("history-accounts.csv");
        Files.writeString(accounts, "name,tier,owner\r\n历史客户,KEY,t.rep1\r\n", StandardCharsets.UTF_8);
        Path deals = dir.resolve("history-opportunities.csv");
        Files.writeString(deals, "客户名称,商机名称,负责人,金额,预计成交日期,阶段,关闭日期,创建日期,丢单原因,商机编号,丢单阶段\r\n"
                + "历史客户,MES 二期,t.rep1,300000," + today.plusDays(20) + ",DEVELOP,," + today.minusDays(90) + ",,H-1,\r\n"
                + "历史客户,仓储系统,t.rep1,200000," + today.minusDays(10) + ",LOST," + today.minusDays(10) + "," + today.minusDays(80)
                + ",预算取消,H-2,VALIDATE\r\n", StandardCharsets.UTF_8);
        Path history = dir.resolve("history-stages.csv");
        Files.writeString(history, "商机编号,阶段,进入日期\r\n"
                + "H-1,IDENTIFY," + today.minusDays(90) + "\r\nH-1,VALIDATE," + today.minusDays(60) + "\r\nH-1,DEVELOP," + today.minusDays(20)
                + "\r\nH-2,IDENTIFY," + today.minusDays(80) + "\r\nH-2,VALIDATE," + today.minusDays(50) + "\r\n", StandardCharsets.UTF_8);

        new Select(browser.findElement(By.id("type"))).selectByValue("stage_history");
        assertThat(browser.findElement(By.id("with-deals")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#with-deals p")).getText()).startsWith("商机的历史须与商机在同一次导入中");
        assertThat(browser.findElement(By.id("template")).getAttribute("href")).endsWith("/api/imports/templates/stage_history?lang=zh");
        browser.findElement(By.id("file")).sendKeys(history.toAbsolutePath().toString());
        browser.findElement(By.id("deals-file")).sendKeys(deals.toAbsolutePath().toString());
        browser.findElement(By.id("accounts-file")).sendKeys(accounts.toAbsolutePath().toString());
        browser.findElement(By.id("dry-run")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("试运行：所有行均有效"));
        // the summary in the page's language
        assertThat(browser.findElement(By.id("message")).getText()).contains("5 条阶段历史").contains("未保存任何数据");
        browser.findElement(By.id("import")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("导入完成"));
        assertThat(browser.findElement(By.id("message")).getText()).startsWith("已导入 1 个客户，2 个商机，5 条阶段历史");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "import-history-zh.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.id("lang-en")).click();
        assertThat(browser.findElement(By.cssSelector("#type option[value='orders']")).getText()).isEqualTo("Orders and payments");
        assertThat(browser.findElement(By.id("message")).getText()).contains("1 account, 2 opportunities, 5 stage history entries");
        Files.write(Path.of("target", "screenshots", "import-history-en.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void a_manager_maps_the_teams_salesforce_stage_names_on_the_page_and_imports_the_export() throws Exception {
        browser.get("http://localhost:" + port + "/import");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Path dir = Files.createDirectories(Path.of("target", "import-page", "salesforce"));
        Map<String, String> inputs = new java.util.LinkedHashMap<>();
        inputs.put("User.csv", "sf-user");
        inputs.put("Account.csv", "sf-account");
        inputs.put("Opportunity.csv", "sf-opportunity");
        inputs.put("OpportunityHistory.csv", "sf-history");
        new Select(browser.findElement(By.id("type"))).selectByValue("salesforce");
        assertThat(browser.findElement(By.id("salesforce")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("file")).isDisplayed()).isFalse();
        for (Map.Entry<String, String> file : inputs.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.write(path, com.salescadence.imports.ImportFiles.load("salesforce/" + file.getKey(), LocalDate.now()));
            browser.findElement(By.id(file.getValue())).sendKeys(path.toAbsolutePath().toString());
        }
        // a select per stage name of the export; the closed names are chosen by IsWon already, the others wait for a choice
        wait.until(d -> d.findElements(By.cssSelector("#sf-stages tbody tr")).size() == 8);
        assertThat(new Select(browser.findElement(By.cssSelector("select[data-stage-name='Closed Won']"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("WON");
        assertThat(new Select(browser.findElement(By.cssSelector("select[data-stage-name='Prospecting']"))).getFirstSelectedOption()
                .getAttribute("value")).isEmpty();
        Map<String, String> mapping = Map.of("Prospecting", "IDENTIFY", "Qualification", "IDENTIFY", "Needs Analysis", "VALIDATE",
                "Value Proposition", "VALIDATE", "Proposal/Price Quote", "DEVELOP", "Negotiation/Review", "AGREEMENT");
        mapping.forEach((name, code) -> new Select(browser.findElement(By.cssSelector("select[data-stage-name='" + name + "']")))
                .selectByValue(code));
        browser.findElement(By.id("dry-run")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("Dry run: every row is valid"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("2 accounts, 5 opportunities");
        browser.findElement(By.id("lang-zh")).click();
        assertThat(browser.findElement(By.cssSelector("#sf-stages caption")).getText()).startsWith("贵团队的阶段名称");
        browser.findElement(By.id("import")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("导入完成"));
        assertThat(browser.findElement(By.id("message")).getText()).startsWith("已导入 2 个客户，5 个商机");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "import-salesforce-zh.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
