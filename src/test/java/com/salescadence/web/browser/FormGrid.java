package com.salescadence.web.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An embedded form's grid (forms/*.html built with CadenceForms.grid) in the Tasklist, as a person uses it: a row
 * found by the name in its first column, the amount typed in the row, the form's other fields by their id, the
 * problems shown (the form's own checks and the server's refusal, at the rows they are about).
 */
public class FormGrid {

    protected final WebDriver driver;
    protected final Tasklist tasklist;

    public FormGrid(WebDriver driver, Tasklist tasklist) {
        this.driver = driver;
        this.tasklist = tasklist;
    }

    /** Waits until the grid shows its rows (read from the API as the form opens). */
    public FormGrid waitForRows(int rows) {
        tasklist.waitFor("a grid with " + rows + " rows", d -> d.findElements(
                By.cssSelector("table.cf-grid tbody tr:not(.cf-problem)")).size() == rows);
        return this;
    }

    /** The grid's text: its header, rows and totals row. */
    public String text() {
        return driver.findElement(By.cssSelector("table.cf-grid")).getText();
    }

    /** The text of an element of the form, by its CSS selector (#mf-totals). */
    public String text(String selector) {
        return driver.findElement(By.cssSelector(selector)).getText();
    }

    /** The row whose first column starts with the name (a month "2027年1月" / "Jan 2027", a year). */
    public WebElement row(String name) {
        return tasklist.waitFor("the row of '" + name + "'", d -> d.findElements(By.cssSelector("table.cf-grid tbody tr")).stream()
                .filter(tr -> !tr.findElements(By.cssSelector("th")).isEmpty()
                        && tr.findElement(By.cssSelector("th")).getText().startsWith(name))
                .findFirst().orElse(null));
    }

    public void amount(String rowName, String text) {
        WebElement input = row(rowName).findElement(By.cssSelector("input.cf-amount"));
        scroll(input);
        input.clear();
        input.sendKeys(text);
    }

    public String amount(String rowName) {
        return row(rowName).findElement(By.cssSelector("input.cf-amount")).getDomProperty("value");
    }

    /** Types into a field of the form outside the grid (a textarea, an input) by its CSS selector. */
    public void type(String selector, String text) {
        WebElement field = driver.findElement(By.cssSelector(selector));
        scroll(field);
        field.clear();
        field.sendKeys(text);
    }

    public String value(String selector) {
        return driver.findElement(By.cssSelector(selector)).getDomProperty("value");
    }

    /** The problems the form shows, in order. */
    public List<String> problems() {
        return driver.findElements(By.cssSelector(".cf-form .cf-problem")).stream().map(WebElement::getText)
                .filter(t -> !t.isBlank()).toList();
    }

    /** Waits for a problem containing the text and returns it with the name of the row it is shown at (null: above the form). */
    public String waitForProblem(String text) {
        return tasklist.waitFor("a problem shown in the form containing '" + text + "'", d -> problems().stream()
                .filter(p -> p.contains(text)).findFirst().orElse(null));
    }

    /** The name of the row a problem line is shown under (the row before the problem's line in the grid). */
    public String rowOfProblem(String text) {
        Object name = ((JavascriptExecutor) driver).executeScript("var lines = document.querySelectorAll('table.cf-grid tr.cf-problem');"
                + "for (var i = 0; i < lines.length; i++) { if (lines[i].textContent.indexOf(arguments[0]) >= 0) {"
                + "  var tr = lines[i].previousElementSibling; while (tr && tr.classList.contains('cf-problem')) { tr = tr.previousElementSibling; }"
                + "  return tr ? tr.cells[0].textContent : null; } } return null;", text);
        return name == null ? null : name.toString();
    }

    /** Whether the grid fits its pane without a sideways scroll bar. */
    public boolean fitsSideways() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "var w = document.querySelector('.cf-grid-wrap'); return w.scrollWidth <= w.clientWidth;");
    }

    public void scrollTo(String selector) {
        scroll(driver.findElement(By.cssSelector(selector)));
    }

    protected void scroll(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
    }
}
