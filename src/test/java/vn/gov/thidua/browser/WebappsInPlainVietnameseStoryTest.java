package vn.gov.thidua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.context.ApplicationContext;
import vn.gov.thidua.agency.SecondProvince;
import vn.gov.thidua.support.Browser;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProductTest;

/**
 * What officers read in the webapps beyond their labels: a Camunda Form's messages and date picker, the refusal of a
 * completion, the deadline as the plan words it, Cockpit's empty values, job dates and diagram labels, the Board's count
 * of its open tasks by group, Admin's groups and names, the Welcome page's links. Everything in Vietnamese written for
 * people: no English, no regular expression or expression, no enum, nothing hidden under a notification, no link or
 * page that leads to a refusal.
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
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ApplicationContext context;

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
        // the card shows the campaign's code whole (three campaigns of one name differ by it), its label on hover
        WebElement code = browser.showing(By.cssSelector(".tasks-list li.task .variable-value"), plan.code());
        assertThat((Boolean) browser.script("const e = arguments[0]; return e.scrollWidth <= e.clientWidth + 1"
                + " && e.scrollHeight <= e.clientHeight + 1"
                + " && e.getBoundingClientRect().bottom <= e.closest('.task-card-details').getBoundingClientRect().bottom", code))
                .as("the campaign code is not cut, nor hidden under the closed card").isTrue();
        browser.hover(browser.visible(By.cssSelector(".tasks-list li.task .variable-label")));
        browser.showing(By.cssSelector(".tooltip"), "Mã");
        assertThat(browser.script("return document.querySelector('.tooltip').innerText")).as("a label's hover")
                .asString().doesNotContain("campaign");
        // a tooltip breaks lines between words, not inside a syllable ("qu á hạn")
        assertThat(browser.script("const tip = document.querySelector('.tooltip-inner');"
                + " return tip ? getComputedStyle(tip).wordBreak : 'no tooltip'")).as("a tooltip's line breaks").isEqualTo("normal");
        browser.click("Mô tả");
        browser.showing(By.cssSelector("[cam-tasklist-task]"), "Hạn: trong Quý IV năm 2023 (23:59 31/12/2023).");
        browser.click("Biểu mẫu");
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

        browser.click("Phím tắt bàn phím");
        WebElement shortcuts = browser.visible(By.cssSelector(".modal-content"));
        browser.screenshot("phim-tat");
        assertThat(shortcuts.getText()).as("the keyboard-shortcut help").contains("Nhận công việc đang chọn")
                .doesNotContain("Keyboard", "Claim", "Close", "shortcut");
    }

    @Test
    void cockpit_showsEmptyValues_jobDates_andColumnsInVietnamese() {
        Webapps webapps = webapps();
        Fixture plan = webapps.launchPlan161(UNIT);
        String campaign = runtimeService.createProcessInstanceQuery().processDefinitionKey("campaign")
                .variableValueEquals("campaignCode", plan.code()).singleResult().getId();

        browser.signIn(webapps.cockpit(), "cb.btdkt");
        browser.open(webapps.cockpit() + "#/process-instance/" + campaign + "/runtime");
        browser.showsText("ID phiên xử lý");
        browser.click("Tác vụ");
        WebElement jobs = browser.showing(By.cssSelector("table"), "/2023");
        browser.screenshot("cockpit-viec-hen-gio");
        assertThat(jobs.getText()).as("job due dates, day first").containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        // the campaign has no super instance: Cockpit writes "null" in its template
        Object empty = browser.script("const shown = [...document.querySelectorAll('span.null-value')].filter(e => e.offsetParent);"
                + " return shown.length ? getComputedStyle(shown[0], '::after').content : 'none shown';");
        assertThat(empty).as("an empty value").isEqualTo("\"không có\"");
        browser.click("Biến");
        browser.showing(By.cssSelector("table"), "campaignCode");
        browser.screenshot("cockpit-bien");
        assertThat(browser.pageText()).as("the instance's page, its diagram's labels included")
                .doesNotContain("Actions", "null", "ID phiên bản", "${");
    }

    @Test
    void board_countsItsOwnCampaignsOpenTasksByGroupInCockpit_andAnotherProvincesBoardNone() throws Exception {
        Webapps webapps = webapps();
        webapps.launchPlan161(UNIT);
        SecondProvince.load(context);

        browser.signIn(webapps.cockpit(), "cb.btdkt");
        browser.open(webapps.cockpit() + "#/tasks");
        // each group by the agency's name, as the directory writes it
        WebElement byGroup = browser.showing(By.cssSelector("table"), "Sở Y tế");
        browser.screenshot("cong-viec-theo-nhom");
        assertThat(browser.driver().findElements(By.cssSelector(".page-notifications .alert"))).as("no refusal").isEmpty();
        assertThat(byGroup.getText()).as("names, not codes").doesNotContain(UNIT)
                .as("the Board's own units").doesNotContain("hy-", "Hưng Yên");

        browser.signIn(webapps.cockpit(), "cb.hy-btdkt");
        browser.open(webapps.cockpit() + "#/tasks");
        browser.showsText("Phân công theo nhóm");
        // the counts are settled once the page's requests are answered
        Thread.sleep(3000);
        browser.screenshot("cong-viec-theo-nhom-hung-yen");
        assertThat(browser.pageText()).as("another province's Board sees none of Thái Bình's tasks")
                .doesNotContain("Sở Y tế", "so-y-te", "Bạn không có quyền");
    }

    @Test
    void admin_showsAgencyKindsAndWholeNames() {
        Webapps webapps = webapps();
        browser.signIn(webapps.admin(), "admin");
        browser.open(webapps.admin() + "#/groups");
        browser.showsText("Ban Thi đua - Khen thưởng");
        browser.showsText("Sở, ban, ngành");
        browser.screenshot("admin-nhom");
        assertThat(browser.pageText()).as("group types").doesNotContain("DEPARTMENT", "BOARD", "DISTRICT");

        browser.open(webapps.admin() + "#/users/cb.so-gddt?tab=profile");
        WebElement name = browser.visible(By.xpath("//label[contains(., 'Họ và tên')]/following::input[1]"));
        browser.screenshot("admin-ho-va-ten");
        assertThat(name.getAttribute("value")).as("the officer's whole name").isEqualTo("Cán bộ Sở Giáo dục và Đào tạo");
    }

    @Test
    void welcome_offersTheDashboardToTheBoard_andTheMailboxOnlyInTheDemo() throws InterruptedException {
        Webapps webapps = webapps();
        // officers sign in through Cockpit; units, who supervise no campaign, have no Welcome page at all
        browser.signIn(webapps.cockpit(), "cb.btdkt");
        browser.open(webapps.welcome());
        // the Welcome app's first page in this browser loads its own scripts: slow on a busy machine
        browser.firstPage("the dashboard link", driver -> browser.pageText().contains("Bảng theo dõi phong trào thi đua"));
        // the links are settled once the officer's rights are read
        Thread.sleep(3000);
        browser.screenshot("chao-mung-ban-tdkt");
        assertThat(browser.pageText()).as("this is no demo: no demo mailbox").doesNotContain("Hộp thư trình diễn");
        assertThat(browser.driver().getTitle() + "\n" + browser.pageText()).as("the page's title and header").contains("Trang chủ")
                .doesNotContain("Welcome");
    }

    private WebElement field(String label) {
        return browser.visible(By.xpath("//label[contains(normalize-space(.), '" + label
                + "')]/following::*[self::input or self::textarea][1]"));
    }
}
