package org.gridcase.scenario;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/** The Camunda Tasklist as a member of staff uses it, in Chinese: log in, pick a filter, open, claim, complete. */
final class Tasklist {

    private final Page page;
    private final String base;

    Tasklist(Page page, int port) {
        this.page = page;
        this.base = "http://localhost:" + port + "/camunda/app/tasklist/";
    }

    Page page() {
        return page;
    }

    Tasklist logIn(String user) {
        Locator filters = page.getByText("我的任务").first();
        signIn(user);
        try {
            // the Tasklist loads its filters after the login: more than the default 5 s while the whole suite runs
            filters.waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        } catch (TimeoutError stalled) {
            // the full suite sometimes leaves the Tasklist's start unanswered: load it again, as a person would
            signIn(user);
        }
        assertThat(filters).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        return this;
    }

    private void signIn(String user) {
        page.navigate(base);
        Locator name = page.getByPlaceholder("用户名");
        Locator loaded = name.or(page.getByText("我的任务").first()).first();
        try {
            loaded.waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        } catch (TimeoutError stalled) {
            // the Tasklist's first load in a browser sometimes stalls while other builds share the machine: again
            page.navigate(base);
            loaded.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        }
        if (name.isVisible()) {
            name.fill(user);
            page.getByPlaceholder("密码").fill(RestClient.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        }
    }

    /** The filters in the left column, by name (a counter follows the name of the one shown). Filter names hold
     * no regular-expression characters; Playwright runs the pattern in the browser, where Java quoting fails. */
    Locator filters() {
        return page.locator("[cam-tasklist-filters] .task-filter .name a");
    }

    /** Shows the filter's tasks; fails unless the filter lists the case. */
    Locator filterListing(String filter, String caseNumber) {
        filters().filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^\\s*" + filter + "(\\s|$)"))).click();
        assertThat(page.locator("[cam-tasklist-filters] .task-filter.active .name a")).containsText(filter);
        Locator task = listed(caseNumber);
        // the list loads after the filter is chosen: on a busy machine more than the default 5 s
        assertThat(task).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
        return task;
    }

    /** Opens the task and claims it; the form is rendered when this returns. */
    Tasklist openAndClaim(Locator task) {
        task.click();
        page.getByText("认领", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator(".fjs-form")).isVisible();
        return this;
    }

    Locator form() {
        return page.locator(".fjs-form");
    }

    /** Picks an option of a form-js select, found by its label. */
    Tasklist select(String label, String option) {
        form().locator(".fjs-form-field-select", new Locator.LocatorOptions().setHasText(label))
                .locator(".fjs-input-group").click();
        form().locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText(option)).click();
        return this;
    }

    /** Ticks a form-js checkbox or picks a radio option, by its label (a required field's label ends in *). */
    Tasklist choose(String label) {
        Locator option = form().getByLabel(label);
        // form-js marks the choice when it renders again, a moment after the click, and a click while the form is
        // still being set up with the task's variables is lost: Playwright's check() failed now and then ("Clicking
        // the checkbox did not change its state"), and so did one click awaited. Click until the choice holds.
        for (int attempt = 1; ; attempt++) {
            option.click();
            try {
                assertThat(option).isChecked(new LocatorAssertions.IsCheckedOptions().setTimeout(1_000));
                return this;
            } catch (AssertionError lost) {
                if (attempt == 5) {
                    throw lost;
                }
            }
        }
    }

    /** Fills a form-js text field or text area, by its label (a required field's label ends in *). */
    Tasklist fill(String label, String text) {
        form().getByLabel(label).fill(text);
        return this;
    }

    /**
     * Sets a form-js date-and-time field to today at {@code time} ("15:00") as a person does: the day picked in the
     * Tasklist's own calendar (flatpickr, opened from the date's input), the time typed into its input. The field's
     * two parts are found by their labels.
     */
    Tasklist todayAt(String dateLabel, String timeLabel, String time) {
        form().getByLabel(dateLabel).click();
        page.locator(".flatpickr-calendar.open .flatpickr-day.today").click();
        Locator clock = form().getByLabel(timeLabel);
        clock.fill(time);
        clock.press("Tab");
        return this;
    }

    /** The task of this case in the list shown (none once it is done). */
    Locator listed(String caseNumber) {
        return page.locator(".tasks-list > li.task", new Page.LocatorOptions().setHasText(caseNumber));
    }

    Locator completeButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成").setExact(true));
    }

    /** Completes the task, first closing any notice that covers the button (as after a refused attempt). */
    void complete() {
        for (Locator notice : page.locator("button.close[ng-click^='removeNotification']").all()) {
            if (notice.isVisible()) {
                notice.click();
            }
        }
        completeButton().click();
    }
}
