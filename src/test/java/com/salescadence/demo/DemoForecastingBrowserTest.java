package com.salescadence.demo;

import static com.salescadence.support.JsonFigures.list;
import static com.salescadence.support.JsonFigures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.salescadence.support.RestCalls;
import com.salescadence.support.TestDatabase;
import com.salescadence.support.TestOrganization;
import com.salescadence.web.browser.Tasklist;
import com.salescadence.web.browser.TasklistBrowserTestBase;

/**
 * A fresh start with the demo data (its own empty database: the demo loads only into one) has the past the forecasting
 * figures need (issue 16, item 5): the back-test grades four finished quarters with an error for every method and the
 * commit, every demo team has learned win rates of its own that differ from the configured ones, and each rep's last 13
 * weeks of commits have actuals that show the rep's habit; the demo's open deals are still the 40 the loader drove. And a
 * manager sees on the dashboard, in Chinese and in English, the three forecasts and the chart of which has been right for
 * their team, drawn from the API's figures. One class for both: a demo context of its own starts in minutes, not seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cadence.demo.enabled=true", "cadence.demo.password=" + TestOrganization.PASSWORD})
@ActiveProfiles("test")
class DemoForecastingBrowserTest extends TasklistBrowserTestBase {

    static final List<String> TEAMS = List.of("flm.beijing", "flm.tianjin", "flm.shanghai", "flm.shenzhen");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerOwn(registry, "demo_forecasting");
    }

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;

    @Test
    void the_back_test_grades_four_quarters_with_an_error_for_every_method_and_the_commit_for_the_company_and_each_team() {
        Map<String, Object> backtest = RestCalls.call(http, "gl.chen", HttpMethod.GET, "/api/forecasting/backtest", null, HttpStatus.OK);
        List<Map<String, Object>> teams = list(backtest.get("teams"));
        assertThat(teams).extracting(t -> t.get("personId")).containsExactlyInAnyOrder("gl.chen", "flm.beijing", "flm.tianjin", "flm.shanghai", "flm.shenzhen");
        for (Map<String, Object> team : teams) {
            List<Map<String, Object>> weeks = list(team.get("weeks"));
            Set<Object> quarters = weeks.stream().map(w -> w.get("quarter")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(quarters).as(team.get("personId") + " quarters").hasSize(4);
            // about 13 graded weeks a quarter, each with a company snapshot
            assertThat(weeks).as(team.get("personId") + " weeks").hasSizeGreaterThanOrEqualTo(48);
            for (Map<String, Object> method : list(team.get("methods"))) {
                String what = team.get("personId") + " " + method.get("method");
                assertThat(number(method.get("ape"))).as(what + " APE").isPositive();
                assertThat(method.get("bias")).as(what + " bias").isNotNull();
                assertThat(method.get("weeks")).as(what + " weeks").isEqualTo(weeks.size());
            }
            Map<String, Object> commit = map(team.get("commit"));
            assertThat(number(commit.get("ape"))).as(team.get("personId") + " commit APE").isPositive();
            assertThat((Integer) commit.get("weeks")).as(team.get("personId") + " commit weeks").isGreaterThanOrEqualTo(40);
        }
        // the three methods do not grade alike: the learned rates are not the configured ones
        Map<String, Object> company = teams.get(0);
        List<BigDecimal> apes = list(company.get("methods")).stream().map(m -> number(m.get("ape"))).toList();
        assertThat(apes.get(0)).isNotEqualByComparingTo(apes.get(1));
    }

    @Test
    void every_demo_team_has_learned_win_rates_of_its_own() {
        Map<String, Object> rates = RestCalls.call(http, "gl.chen", HttpMethod.GET, "/api/forecasting/win-rates", null, HttpStatus.OK);
        Map<String, Integer> configured = list(rates.get("stages")).stream()
                .collect(Collectors.toMap(s -> (String) s.get("code"), s -> (Integer) s.get("configuredPercent")));
        Map<String, Map<String, Object>> identify = new java.util.HashMap<>();
        for (String team : TEAMS) {
            Map<String, Object> teamRates = list(rates.get("rates")).stream()
                    .filter(r -> "TEAM".equals(r.get("level")) && team.equals(r.get("personId"))).findFirst().orElseThrow();
            for (Map<String, Object> stage : list(teamRates.get("stages"))) {
                String what = team + " " + stage.get("stage");
                assertThat((Integer) stage.get("decided")).as(what + " verdicts").isGreaterThanOrEqualTo(40);
                double rate = ((Number) stage.get("rate")).doubleValue();
                assertThat(rate).as(what + " learned vs configured").isNotCloseTo(configured.get((String) stage.get("stage")) / 100.0, within(0.005));
                assertThat(((Number) stage.get("low")).doubleValue()).as(what).isLessThan(rate);
                assertThat(((Number) stage.get("high")).doubleValue()).as(what).isGreaterThan(rate);
                if ("IDENTIFY".equals(stage.get("stage"))) {
                    identify.put(team, stage);
                }
            }
        }
        // as the teams were generated: Shanghai qualifies hard, Tianjin's early pipeline converts worst
        assertThat(((Number) identify.get("flm.shanghai").get("rate")).doubleValue())
                .isGreaterThan(((Number) identify.get("flm.tianjin").get("rate")).doubleValue());
    }

    @Test
    void each_reps_last_13_weeks_of_commits_have_actuals_that_show_the_reps_habit() {
        for (Map.Entry<String, Double> rep : DemoHistory.RELIABILITY.entrySet()) {
            List<Map<String, Object>> weeks = list(RestCalls.call(http, rep.getKey(), HttpMethod.GET, "/api/metrics/accuracy-trend?weeks=13",
                    null, HttpStatus.OK).get("weeks"));
            assertThat(weeks).hasSize(13);
            List<Double> ratios = new ArrayList<>();
            for (Map<String, Object> week : weeks) {
                assertThat(week.get("commit")).as(rep.getKey() + " " + week.get("week")).isNotNull();
                // a week with nothing committed (nothing booked either) has no ratio
                if (number(week.get("commit")).signum() > 0) {
                    ratios.add(number(week.get("actual")).doubleValue() / number(week.get("commit")).doubleValue());
                }
            }
            assertThat(ratios).as(rep.getKey() + " weeks with a commit").hasSizeGreaterThanOrEqualTo(7);
            ratios.sort(null);
            double median = ratios.size() % 2 == 1 ? ratios.get(ratios.size() / 2)
                    : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
            assertThat(median).as(rep.getKey() + " median actual / commit").isCloseTo(rep.getValue(), within(0.2));
        }
    }

    @Test
    void the_demo_open_deals_are_the_ones_the_loader_drove_through_the_process() {
        // per plan row the open scenarios: 4 (first stage, second, awaiting approval, late), 3 (first, rejected, awaiting)
        // and 3 (second, late, go / no-go pending); 12 reps, 4 of each row: 40
        assertThat(jdbc.sql("select count(*) from opportunity where status = 'OPEN'").query(Long.class).single()).isEqualTo(40L);
        // the history is all closed, with its dated stages
        assertThat(jdbc.sql("select count(*) from opportunity where status in ('WON', 'LOST') and created_at < ?")
                .param(java.time.LocalDate.now().minusYears(1).atStartOfDay()).query(Long.class).single()).isGreaterThan(300L);
    }

    @Test
    void a_manager_sees_which_forecast_has_been_right_for_the_team_in_chinese_and_in_english() throws Exception {
        Map<String, Object> backtest = RestCalls.call(http, "flm.beijing", HttpMethod.GET, "/api/forecasting/backtest?person=flm.beijing&quarters=4",
                null, HttpStatus.OK);
        Map<String, Object> team = list(backtest.get("teams")).get(0);
        assertThat(team.get("personId")).isEqualTo("flm.beijing");
        List<Map<String, Object>> quarters = list(team.get("quarters"));
        assertThat(quarters).hasSize(4);
        Map<String, Object> forecasts = RestCalls.call(http, "flm.beijing", HttpMethod.GET, "/api/forecasting/forecasts?person=flm.beijing",
                null, HttpStatus.OK);

        useBrowserLanguage("zh-CN");
        WebDriver browser = browser();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        tasklist.signIn("flm.beijing", TestOrganization.PASSWORD);
        browser.get("http://localhost:" + port + "/dashboard/");
        tasklist.waitFor("the dashboard of flm.beijing", d -> "flm.beijing".equals(js.executeScript("return document.body.dataset.loadedPerson")));
        WebElement section = browser.findElement(By.id("section-forecasting"));
        assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("哪种预测对这个团队最准");
        WebElement canvas = tasklist.waitFor("the back-test chart", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-backtest canvas")));
        assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
        assertThat(browser.findElement(By.id("chart-backtest")).getDomAttribute("data-empty")).isEqualTo("false");

        // the chart: the four quarters, each method's and the commit's error per quarter as the API graded them
        assertThat(chartOption(js, "chart-backtest", "xAxis[0].data")).isEqualTo(quarters.stream().map(q -> q.get("quarter")).toList());
        List<String> methods = List.of("CONFIGURED", "LEARNED", "CLAIMED");
        for (int m = 0; m < methods.size(); m++) {
            String method = methods.get(m);
            List<BigDecimal> expected = quarters.stream().map(q -> list(q.get("methods")).stream().filter(g -> method.equals(g.get("method")))
                    .findFirst().map(g -> dec(g.get("ape"))).orElseThrow()).toList();
            assertThat(numbers(chartOption(js, "chart-backtest", "series[" + m + "].data"))).as(method).isEqualTo(expected);
        }
        assertThat(numbers(chartOption(js, "chart-backtest", "series[3].data"))).as("commit")
                .isEqualTo(quarters.stream().map(q -> dec(map(q.get("commit")).get("ape"))).toList());
        assertThat(list(chartOption(js, "chart-backtest", "series")).stream().map(s -> map(s).get("name")))
                .containsExactly("配置赢率", "学习赢率", "销售填报概率", "承诺");
        // the table beside it: the four quarters' error and bias of each method
        List<String> rows = browser.findElements(By.cssSelector("#table-backtest tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).hasSize(4);
        Map<String, Object> configured = list(team.get("methods")).get(0);
        assertThat(rows.get(0)).startsWith("配置赢率").contains(percentText(configured.get("ape"), "zh-CN"));
        assertThat(browser.findElement(By.id("backtest-legend")).getText()).contains("偏差").contains("大于零表示预测偏高");
        // the three forecasts of this quarter side by side, the configured one marked as the forecast
        assertThat(forecastCard(browser, "CONFIGURED").getText()).contains("配置赢率").contains("当前采用")
                .contains(amountText(forecasts.get("configured"), "zh-CN"));
        assertThat(forecastCard(browser, "LEARNED").getText()).contains(amountText(forecasts.get("learned"), "zh-CN"));
        assertThat(forecastCard(browser, "CLAIMED").getText()).contains(amountText(forecasts.get("claimed"), "zh-CN"));
        sectionScreenshot(browser, section, "dashboard-backtest-zh");

        // in English: the chart's labels follow the page's language, its figures stay
        browser.findElement(By.id("lang-en")).click();
        tasklist.waitFor("English labels", ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#section-forecasting h2"),
                "Which forecast has been right for this team"));
        assertThat(list(chartOption(js, "chart-backtest", "series")).stream().map(s -> map(s).get("name")))
                .containsExactly("Configured rates", "Learned rates", "Claimed probabilities", "Commit");
        assertThat(numbers(chartOption(js, "chart-backtest", "series[3].data")))
                .isEqualTo(quarters.stream().map(q -> dec(map(q.get("commit")).get("ape"))).toList());
        assertThat(forecastCard(browser, "CONFIGURED").getText()).contains("The forecast").contains(amountText(forecasts.get("configured"), "en-US"));
        assertThat(browser.findElement(By.id("backtest-legend")).getText()).contains("above zero the method forecast too much");
        // nothing of the section is cut off: the table fits its card
        assertThat((Boolean) js.executeScript("const w = document.querySelector('#table-backtest').closest('.table-wrap');"
                + "return w.scrollWidth <= w.clientWidth + 1;")).isTrue();
        sectionScreenshot(browser, section, "dashboard-backtest-en");
    }

    private static WebElement forecastCard(WebDriver browser, String method) {
        return browser.findElement(By.cssSelector("#forecasts [data-forecast='" + method + "']"));
    }

    /** As the page formats an amount: no decimals, grouped ("1,234,568"). */
    private static String amountText(Object value, String locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag(locale));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(new BigDecimal(String.valueOf(value)));
    }

    /** As the page formats a share: a percentage with up to one decimal ("12.3%"). */
    private static String percentText(Object value, String locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getPercentInstance(java.util.Locale.forLanguageTag(locale));
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(new BigDecimal(String.valueOf(value)));
    }

    private static Object chartOption(JavascriptExecutor js, String chartId, String path) {
        // a path like series[1].data, resolved step by step (the page's Content-Security-Policy forbids eval)
        return js.executeScript("let v = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();"
                + "for (const step of arguments[1].match(/[^.\\[\\]]+/g)) { v = v[step]; }"
                + "return JSON.parse(JSON.stringify(v));", chartId, path);
    }

    private static List<BigDecimal> numbers(Object data) {
        return ((List<?>) data).stream().map(v -> v instanceof Map<?, ?> m ? m.get("value") : v).map(v -> v == null ? null : dec(v)).toList();
    }

    private static BigDecimal dec(Object value) {
        return value == null ? null : new BigDecimal(String.valueOf(value)).stripTrailingZeros();
    }

    /** The section alone, scrolled into view, the window tall enough for all of it. */
    private static void sectionScreenshot(WebDriver browser, WebElement section, String name) throws java.io.IOException {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, Math.max(900, section.getSize().getHeight() + 200)));
        // below the page's fixed top bar
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 70)", section);
        java.nio.file.Files.createDirectories(Tasklist.SCREENSHOTS);
        java.nio.file.Files.copy(section.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                Tasklist.SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }


    private static BigDecimal number(Object json) {
        return new BigDecimal(String.valueOf(json));
    }
}
