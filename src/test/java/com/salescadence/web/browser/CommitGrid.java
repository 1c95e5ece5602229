package com.salescadence.web.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The rep's weekly commit grid (forms/submit-weekly-commit.html) in the Tasklist, as a rep uses it: a row per deal
 * found by the deal's name, its category, amount committed, close date and checks; the running totals. The row, its
 * amount and the problems shown as for any grid (FormGrid).
 */
public class CommitGrid extends FormGrid {

    public CommitGrid(WebDriver driver, Tasklist tasklist) {
        super(driver, tasklist);
    }

    /** Waits until the grid shows at least that many rows (read from the API as the form opens). */
    @Override
    public CommitGrid waitForRows(int atLeast) {
        tasklist.waitFor("the weekly commit grid with " + atLeast + " rows", d -> d.findElements(
                By.cssSelector("table.cf-grid tbody tr:not(.cf-problem)")).size() >= atLeast);
        return this;
    }

    public String totals() {
        return driver.findElement(By.cssSelector("#commit-totals")).getText();
    }

    public String week() {
        return driver.findElement(By.cssSelector("#commit-week")).getText();
    }

    public void category(String dealName, String value) {
        WebElement select = row(dealName).findElement(By.cssSelector("select.cf-category"));
        scroll(select);
        new Select(select).selectByValue(value);
    }

    /** Sets the close date as the date picker does (its typed format depends on the browser's locale). */
    public void closeDate(String dealName, String isoDate) {
        WebElement input = row(dealName).findElement(By.cssSelector("input.cf-closes"));
        scroll(input);
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, isoDate);
    }

    public void check(String dealName, String checkKey) {
        WebElement box = row(dealName).findElement(By.cssSelector("input[data-check=" + checkKey + "]"));
        scroll(box);
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** The visible check boxes of a row (they show for a row in commit only). */
    public long visibleChecks(String dealName) {
        return row(dealName).findElements(By.cssSelector("input[data-check]")).stream().filter(WebElement::isDisplayed).count();
    }

    public void projectTracking(String text) {
        WebElement area = driver.findElement(By.cssSelector("#commit-project-tracking"));
        scroll(area);
        area.clear();
        area.sendKeys(text);
    }

    public void scrollToTop() {
        ((JavascriptExecutor) driver).executeScript("var w = document.querySelector('.cf-grid-wrap'); if (w) { w.scrollTop = 0; w.scrollLeft = 0; }"
                + "var f = document.querySelector('.cf-form'); if (f) { f.scrollIntoView({block: 'start'}); }");
        tasklist.waitFor("the grid", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.cf-grid")));
    }
}
