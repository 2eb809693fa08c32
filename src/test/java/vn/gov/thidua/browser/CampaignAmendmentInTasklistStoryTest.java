package vn.gov.thidua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gov.thidua.campaign.CampaignStatusReport;
import vn.gov.thidua.support.Browser;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The Board amends a running campaign in Tasklist: "Khởi tạo quy trình", "Sửa đổi, bổ sung phong trào", a form that
 * shows the fields of the kind of amendment chosen, in Vietnamese; the deadline moves for the units. The same form
 * written from a version another officer already amended is refused with a message the officer can act on, and
 * nothing changes.
 */
@ProductTest
@Tag("browser")
class CampaignAmendmentInTasklistStoryTest extends ProductStory {

    private static final List<String> UNITS = List.of("so-y-te", "so-tu-phap");
    private static final String PLAN_MILESTONE = "ke-hoach-trien-khai";
    private static final OffsetDateTime EXTENDED = OffsetDateTime.parse("2024-01-16T00:00:00+07:00");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final Browser browser = new Browser("amendment-in-tasklist", "Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;
    @Autowired
    CampaignStatusReport report;

    @Test
    void boardExtendsADeadlineInTasklist_unitsTasksMove_andAStaleVersionIsRefusedInVietnamese() {
        Webapps webapps = new Webapps("http://localhost:" + port, http, management);
        Fixture plan = webapps.launchPlan161(UNITS.toArray(String[]::new));

        browser.signIn(webapps.tasklist(), "cb.btdkt");
        ProcessClock.at("2023-12-20T09:00:00+07:00");
        try {
            fillExtension(plan.code(), "05/BTĐKT-NV");
            assertThat(browser.pageText()).as("the fields of other kinds stay hidden")
                    .doesNotContain("Mã cơ quan, đơn vị", "Mốc bổ sung (JSON");
            browser.screenshot("sua-doi-gia-han");
            browser.click("Bắt đầu");
            new WebDriverWait(browser.driver(), WAIT).withMessage("the deadline did not move")
                    .until(driver -> report.of(plan.code()).definitionVersion() == 2);
            assertThat(openTasks(plan)).hasSize(UNITS.size()).allSatisfy(task ->
                    assertThat(task.getDueDate().toInstant()).isEqualTo(EXTENDED.toInstant()));

            // a second officer's form, written from version 1: refused, in Vietnamese, and nothing changes
            fillExtension(plan.code(), "06/BTĐKT-NV");
            browser.click("Bắt đầu");
            browser.showsText("Định nghĩa phong trào đã được điều chỉnh sau phiên bản 1");
            browser.screenshot("sua-doi-phien-ban-cu");
            assertThat(browser.pageText()).doesNotContain("Exception", "Cannot", "Error");
            assertThat(report.of(plan.code()).definitionVersion()).isEqualTo(2);
        } finally {
            ProcessClock.reset();
        }
    }

    /** Opens the amendment's start form and fills it: the plan's first milestone extended to 16/01/2024, from version 1. */
    private void fillExtension(String campaignCode, String dispatchNumber) {
        browser.open(new Webapps("http://localhost:" + port, http, management).tasklist());
        browser.click("Khởi tạo quy trình");
        browser.click("Sửa đổi, bổ sung phong trào");
        WebElement kind = browser.visible(By.cssSelector(".fjs-select-display"));
        assertThat(browser.script("return getComputedStyle(arguments[0], '::before').content", kind))
                .as("an empty select's placeholder").isEqualTo("\"Chọn\"");
        // left by clicking the select (a select reached with TAB opens its list by itself)
        field("Mã phong trào").sendKeys(campaignCode);
        choose("Loại điều chỉnh", "Gia hạn một mốc (cho mọi đơn vị hoặc các đơn vị được nêu)");
        type("Phiên bản định nghĩa đã đọc", "1");
        type("Số công văn", dispatchNumber);
        type("Lý do điều chỉnh", "Nhiều đơn vị đề nghị lùi hạn");
        type("Mã mốc", PLAN_MILESTONE);
        type("Hạn mới", "trước ngày 16/01/2024");
    }

    /**
     * Types into a field and leaves it, as an officer does: Camunda Forms keep a typed value a moment before taking it,
     * and a field typed into faster than that and left unblurred was emptied when the next field redrew the form.
     */
    private void type(String label, String text) {
        field(label).sendKeys(text, Keys.TAB);
    }

    private WebElement field(String label) {
        return browser.visible(By.xpath("//label[contains(normalize-space(.), '" + label
                + "')]/following::*[self::input or self::textarea][1]"));
    }

    /** Picks an option of a Camunda Forms select: its display opens the list, the option is clicked by its label. */
    private void choose(String label, String option) {
        browser.visible(By.xpath("//label[contains(normalize-space(.), '" + label
                + "')]/following::*[contains(@class, 'fjs-select-display')][1]")).click();
        browser.visible(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']")).click();
    }

    private List<Task> openTasks(Fixture plan) {
        return taskService.createTaskQuery().processInstanceBusinessKeyLike(plan.code() + "/" + PLAN_MILESTONE + "/%").list();
    }
}
