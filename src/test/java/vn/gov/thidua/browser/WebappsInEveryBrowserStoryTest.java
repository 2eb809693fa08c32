package vn.gov.thidua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gov.thidua.support.Browser;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The webapps as officers find them on their own computers: one browser set to Vietnamese on Vietnam's clock, one set
 * to English on UTC (as many officers' computers are). Both get Vietnamese webapps with every time on Vietnam's clock;
 * English only for the officer who chooses it.
 */
@ProductTest
@Tag("browser")
class WebappsInEveryBrowserStoryTest extends ProductStory {

    private static final String UNIT = "so-y-te";

    @RegisterExtension
    static final Browser vietnamese = new Browser("webapps-vietnamese-browser", "Asia/Ho_Chi_Minh", "vi-VN");
    @RegisterExtension
    static final Browser english = new Browser("webapps-english-browser", "UTC", "en-US");

    @LocalServerPort
    int port;

    private Webapps webapps() {
        return new Webapps("http://localhost:" + port, http, management);
    }

    @Test
    void everyWebapp_isVietnamese_inBothBrowsers_andEnglishOnlyWhenTheOfficerChoosesIt() {
        Webapps webapps = webapps();
        for (Browser browser : List.of(vietnamese, english)) {
            browser.signOut(webapps.welcome());
            browser.open(webapps.welcome());
            browser.showing(By.cssSelector("form[name=signinForm] button[type=submit]"), "Đăng nhập");
            browser.screenshot("welcome-dang-nhap");

            browser.signIn(webapps.tasklist(), "cb." + UNIT);
            browser.showsText("Khởi tạo quy trình");
            assertThat(browser.pageText()).doesNotContain("Start process", "Create task", "Log in")
                    .as("creating free tasks is not a unit's work").doesNotContain("Tạo công việc");
            WebElement footer = browser.visible(By.cssSelector("#footer-timezone"));
            assertThat(footer.getText()).as("the footer says which clock the times are on")
                    .contains("giờ Việt Nam (UTC+07:00)", "Múi giờ của máy tính:");
            browser.showing(By.cssSelector("[cam-sorting-choices]"), "Hạn xử lý");
            browser.screenshot("tasklist-tieng-viet");

            browser.signIn(webapps.cockpit(), "cb.btdkt");
            browser.showsText("Quy trình");
            assertThat(browser.pageText()).doesNotContain("Processes", "Decisions", "Deployments");
            // the Board counts its own campaigns' open tasks by group, without a refusal
            browser.open(webapps.cockpit() + "#/tasks");
            browser.showsText("Phân công theo nhóm");
            assertThat(browser.pageText()).doesNotContain("Error", "The user", "Bạn không có quyền");

            browser.signIn(webapps.admin(), "admin");
            browser.showsText("Người dùng");
            assertThat(browser.pageText()).doesNotContain("Users", "Groups", "Authorizations");
            browser.screenshot("admin-tieng-viet");

            browser.open(webapps.welcome());
            browser.showsText("Bảng theo dõi phong trào thi đua");
            assertThat(browser.pageText()).doesNotContain("Applications", "Profile");
        }

        // An officer who prefers English chooses it in the footer, once for every webapp of this browser
        english.signIn(webapps.tasklist(), "cb." + UNIT);
        english.click("English");
        english.showsText("Start process");
        assertThat(english.visible(By.cssSelector("#footer-timezone")).getText())
                .contains("Vietnam's clock (UTC+07:00)", "UTC");
        english.screenshot("tasklist-english-chosen");
        english.open(webapps.welcome());
        english.showsText("Applications");
        english.click("Tiếng Việt");
        english.showsText("Ứng dụng");
        english.open(webapps.tasklist());
        english.showsText("Khởi tạo quy trình");
    }

    @Test
    void dateEditors_showAndSaveVietnamsWallTime_inBothBrowsers() {
        Webapps webapps = webapps();
        Fixture plan = webapps.launchPlan161(UNIT);
        Task task = taskService.createTaskQuery().processInstanceBusinessKeyLike(plan.code() + "/%/" + UNIT).singleResult();
        Instant due = task.getDueDate().toInstant();
        Instant followUp = task.getFollowUpDate().toInstant();
        assertThat(due).as("23:59:59 on 31/12/2023 in Vietnam").isEqualTo(Instant.parse("2023-12-31T16:59:59Z"));
        assertThat(followUp).as("08:00 on 25/12/2023 in Vietnam").isEqualTo(Instant.parse("2023-12-25T01:00:00Z"));

        for (Browser browser : List.of(vietnamese, english)) {
            // the administrator: officers work on their tasks (TASK_WORK) but do not move their dates
            browser.signIn(webapps.tasklist(), "admin");
            browser.open(webapps.tasklist() + "#/?task=" + task.getId());
            for (String[] editor : new String[][] {{"due-date", "31/12/2023 23:59"}, {"followup-date", "25/12/2023 08:00"}}) {
                Date saved = lastUpdated(task);
                editAndSave(browser, editor[0], editor[1]);
                new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).withMessage(() -> editor[0] + " not saved; the page shows:\n"
                        + browser.pageText()).until(driver -> !Objects.equals(saved, lastUpdated(task)));
                assertThat(browser.pageText()).as("no refusal").doesNotContain("Không thể lưu");
                Task now = taskService.createTaskQuery().taskId(task.getId()).singleResult();
                assertThat(now.getDueDate().toInstant()).as("due after saving " + editor[0]).isEqualTo(due);
                assertThat(now.getFollowUpDate().toInstant()).as("follow-up after saving " + editor[0]).isEqualTo(followUp);
            }
        }
    }

    private Date lastUpdated(Task task) {
        return taskService.createTaskQuery().taskId(task.getId()).singleResult().getLastUpdated();
    }

    /** Opens a date editor of the task, reads the day and time it offers, in Vietnamese, and saves them unchanged. */
    private static void editAndSave(Browser browser, String field, String shown) {
        browser.visible(By.cssSelector("[cam-tasklist-task-meta] [cam-widget-inline-field]." + field)).click();
        WebElement picker = browser.visible(By.cssSelector(".cam-widget-inline-field.field-control"));
        String time = picker.findElement(By.cssSelector("input[ng-model=hours]")).getAttribute("value") + ":"
                + picker.findElement(By.cssSelector("input[ng-model=minutes]")).getAttribute("value");
        browser.screenshot("sua-" + field);
        assertThat(time).as(field + " in the time picker, on Vietnam's clock").isEqualTo(shown.substring(11));
        assertThat(browser.visible(By.cssSelector("[cam-tasklist-task-meta] ." + field + " .preview")).getText())
                .as(field + " above the picker").isEqualTo(shown);
        assertThat(picker.getText()).as("the picker in Vietnamese").contains("Tháng " + Integer.parseInt(shown.substring(3, 5)) + " năm",
                "T2", "CN").doesNotContain("Sun", "Mon", "December");
        browser.visible(By.cssSelector(".cam-widget-inline-field.btn-group button[ng-click^=applyChange]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> driver.findElements(By.cssSelector(".cam-widget-inline-field.field-control")).isEmpty());
    }
}
