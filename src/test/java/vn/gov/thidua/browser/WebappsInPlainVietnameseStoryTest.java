package vn.gov.thidua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gov.thidua.support.Browser;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProductTest;

/**
 * What officers read in the webapps beyond their labels: a Camunda Form's messages and date picker, the refusal of a
 * completion, the deadline as the plan words it. Everything in Vietnamese written for people: no English, no regular
 * expression, nothing hidden under a notification.
 */
@ProductTest
@Tag("browser")
class WebappsInPlainVietnameseStoryTest {

    private static final String UNIT = "so-y-te";

    @RegisterExtension
    static final Browser browser = new Browser("webapps-in-plain-vietnamese", "Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;

    private Webapps webapps() {
        return new Webapps("http://localhost:" + port, http, management);
    }

    @Test
    void campaignForm_explainsMistakesInVietnamese_andItsRefusalLeavesHoanThanhReachable() {
        Webapps webapps = webapps();
        Fixture plan = webapps.launchPlan161(UNIT);
        Task task = taskService.createTaskQuery().processInstanceBusinessKeyLike(plan.code() + "/%/" + UNIT).singleResult();

        browser.signIn(webapps.tasklist(), "cb." + UNIT);
        browser.open(webapps.tasklist() + "#/?task=" + task.getId());
        browser.click("Nhận việc");
        browser.showing(By.cssSelector("[cam-tasklist-task] .assignee"), "Cán bộ Sở Y tế");

        WebElement number = field("Số hiệu văn bản");
        number.sendKeys("x", Keys.BACK_SPACE, Keys.TAB);
        browser.showing(By.cssSelector(".fjs-form-field-error"), "Trường này là bắt buộc.");
        field("Đường dẫn văn bản").sendKeys("vanban.thaibinh.gov.vn/syt", Keys.TAB);
        browser.showing(By.cssSelector(".fjs-form-field-error"), "Nhập đường dẫn bắt đầu bằng http:// hoặc https://");
        browser.screenshot("loi-bieu-mau-tieng-viet");
        assertThat(browser.visible(By.cssSelector(".fjs-form")).getText()).as("the form's messages")
                .doesNotContain("Field", "pattern", "https?", "\\S");
        assertThat((String) browser.script("return getComputedStyle(document.querySelector('.fjs-form')).fontFamily"))
                .as("the form's font is the one the webapps bundle").startsWith("IBMPlexSans").doesNotContain("IBM Plex Sans");

        field("Ngày ban hành").click();
        WebElement picker = browser.visible(By.cssSelector(".flatpickr-calendar.open"));
        String month = (String) browser.script("return arguments[0].querySelector('.flatpickr-monthDropdown-months').selectedOptions[0].text", picker);
        assertThat(month).as("the date picker's month").startsWith("Tháng ");
        assertThat(picker.getText()).as("the date picker's days").contains("T2", "CN").doesNotContain("Mon", "Sun");
        browser.screenshot("chon-ngay-tieng-viet");

        number.sendKeys("25/KH-SYT");
        field("Ngày ban hành").sendKeys(Keys.chord(Keys.CONTROL, "a"), "20/12/2099", Keys.TAB);
        WebElement link = field("Đường dẫn văn bản");
        link.sendKeys(Keys.chord(Keys.CONTROL, "a"), "https://vanban.thaibinh.gov.vn/syt/25-kh-syt", Keys.TAB);
        WebElement complete = browser.showing(By.cssSelector("[cam-tasklist-task] button[type=submit]"), "Hoàn thành");
        complete.click();
        WebElement refusal = browser.showing(By.cssSelector(".page-notifications"), "Ngày ban hành văn bản không thể sau ngày hôm nay.");
        browser.screenshot("tu-choi-hoan-thanh");
        assertThat(refusal.getText()).as("the refusal, in Vietnamese only").doesNotContain("Cannot", "submit", "task form", task.getId());
        assertThat((Boolean) browser.script("const button = arguments[0], box = button.getBoundingClientRect();"
                + " const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);"
                + " return button === top || button.contains(top);", complete))
                .as("'Hoàn thành' is not covered by the notification").isTrue();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
    }

    private WebElement field(String label) {
        return browser.visible(By.xpath("//label[contains(normalize-space(.), '" + label
                + "')]/following::*[self::input or self::textarea][1]"));
    }
}
