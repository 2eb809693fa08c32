package vn.gov.thidua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.campaign.CampaignUnits;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.Browser;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;
import vn.gov.thidua.tasklist.TasklistFilters;

/**
 * Officers in the real Tasklist and Cockpit, in headless Chromium: a unit files its implementation plan through the
 * task's Camunda Form, the Board finds the unit in Cockpit. The browser asks for Vietnamese and its computer is set to
 * New York, twelve hours behind Vietnam, so every screen must come in Vietnamese and every time on Vietnam's clock
 * without the officer setting anything.
 */
@ProductTest
@Tag("browser")
class OfficersInTheWebappsStoryTest extends ProductStory {

    private static final String COMPUTER_ZONE = "America/New_York";
    private static final String UNIT = "so-y-te";
    private static final String OTHER_UNIT = "so-tu-phap";
    /** The first milestone of plan 161 (campaigns/tb-161-cds-2023-2025.yaml), the name of its task in Tasklist. */
    private static final String PLAN_TASK = "Ban hành kế hoạch triển khai";
    private static final String PLAN_MILESTONE = "ke-hoach-trien-khai";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final Browser browser = new Browser("officers-in-the-webapps", COMPUTER_ZONE);

    @LocalServerPort
    int port;
    @Autowired
    TasklistFilters filters;

    @Test
    void unitOfficer_signsInToVietnameseTasklist_seesOnlyTheirAgencysTask_andFilesThePlanThroughTheForm() {
        Fixture plan = launchPlan161();
        Task ours = openTask(plan, UNIT);
        Task theirs = openTask(plan, OTHER_UNIT);
        // This officer's computer is in Vietnam: a date typed into a Camunda Form is stored as typed. (On a computer
        // west of UTC the form library of Camunda 7.24 stores the day before; see docs/user-guide.md, "What officers see".)
        browser.computerZone("Asia/Ho_Chi_Minh");

        browser.signIn(tasklist(), "cb.so-y-te");
        browser.showing(By.cssSelector("[cam-tasklist-filters]"), "Việc của đơn vị");
        for (String filter : new String[] {"Việc tôi đang xử lý", "Sắp đến hạn", "Quá hạn"}) {
            browser.showing(By.cssSelector("[cam-tasklist-filters]"), filter);
        }
        browser.showsText("Khởi tạo quy trình");
        assertThat(browser.pageText()).as("nothing left in English").doesNotContain("Start process", "Create task", "Sort by");
        browser.screenshot("tasklist-bo-loc-tieng-viet");

        // The officer searches the unit's list for this campaign; Tasklist keeps the search in the address
        browser.open(tasklist() + "#/?filter=" + filters.filterId(TasklistFilters.UNIT_TASKS)
                + "&searchQuery=" + processVariableSearch("campaignCode", plan.code()));
        browser.showing(By.cssSelector("[cam-tasklist-filters] .active"), "Việc của đơn vị");
        WebElement task = browser.showing(By.cssSelector(".tasks-list li.task"), PLAN_TASK);
        // the list shows the keys the unit's instance holds; the names are in the task's description
        browser.showing(By.cssSelector(".tasks-list"), "so-y-te");
        assertThat(browser.driver().findElements(By.cssSelector(".tasks-list li.task"))).as("only Sở Y tế's task").hasSize(1);
        assertThat(browser.pageText()).as("Sở Tư pháp's task of the same campaign").doesNotContain("so-tu-phap");
        browser.screenshot("tasklist-chi-viec-cua-so-y-te");

        task.findElement(By.cssSelector("h4.task a")).click();
        browser.click("Mô tả");
        browser.showing(By.cssSelector("[cam-tasklist-task]"), "Đơn vị: Sở Y tế. Hạn: trong Quý IV năm 2023 (23:59 31/12/2023).");
        browser.click("Biểu mẫu");
        browser.click("Nhận việc");
        browser.showing(By.cssSelector("[cam-tasklist-task] .assignee"), "Cán bộ Sở Y tế");
        field("Số hiệu văn bản").sendKeys("25/KH-SYT");
        // Typed as Vietnamese officers write dates: day first
        field("Ngày ban hành").sendKeys("20/12/2023", Keys.TAB);
        field("Trích yếu").sendKeys("Kế hoạch triển khai Phong trào thi đua \"Chuyển đổi số\" của Sở Y tế");
        field("Đường dẫn văn bản").sendKeys("https://vanban.thaibinh.gov.vn/syt/25-kh-syt");
        browser.screenshot("bieu-mau-da-dien");
        // Filed on 20/12/2023, before the deadline of 31/12/2023
        ProcessClock.at("2023-12-20T10:00:00+07:00");
        try {
            browser.showing(By.cssSelector("[cam-tasklist-task] button[type=submit]"), "Hoàn thành").click();
            new WebDriverWait(browser.driver(), WAIT).withMessage("the task is still open")
                    .until(driver -> taskService.createTaskQuery().taskId(ours.getId()).count() == 0);
        } finally {
            ProcessClock.reset();
        }
        new WebDriverWait(browser.driver(), WAIT).withMessage("the done task is still listed")
                .until(driver -> driver.findElements(By.cssSelector(".tasks-list li.task")).isEmpty());
        browser.screenshot("da-hoan-thanh");

        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(ours.getId()).singleResult();
        assertThat(done.getEndTime()).as("completed").isNotNull();
        assertThat(done.getAssignee()).isEqualTo("cb.so-y-te");
        assertThat(variables(done.getProcessInstanceId()))
                .containsEntry("documentNumber", "25/KH-SYT")
                .containsEntry("documentDate", "2023-12-20")
                .containsEntry("documentSummary", "Kế hoạch triển khai Phong trào thi đua \"Chuyển đổi số\" của Sở Y tế")
                .containsEntry("documentLink", "https://vanban.thaibinh.gov.vn/syt/25-kh-syt");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(done.getProcessInstanceId())
                .activityId("Task_RecordMilestoneDocument").finished().count()).as("the plan is recorded").isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskId(theirs.getId()).count()).as("Sở Tư pháp's task stays theirs").isEqualTo(1);

        // The Board, signed in to Cockpit, opens the dashboard's list in the same browser session (the welcome page's
        // link to it is checked in ReportTest: the welcome app once hung on its spinner here, which is not the product)
        browser.signIn(cockpit(), "cb.btdkt");
        browser.open(baseUrl() + "/dashboard/");
        browser.visible(By.cssSelector("a[href$='/dashboard/campaigns/" + plan.code() + "']")).click();
        browser.showing(By.cssSelector("h1"), "Chuyển đổi số");
        WebElement filed = browser.visible(By.cssSelector("tr[data-unit='" + UNIT + "'] td[data-milestone='" + PLAN_MILESTONE + "']"));
        assertThat(filed.getAttribute("data-status")).as("Sở Y tế's plan on the dashboard").isEqualTo("DONE_ON_TIME");
        assertThat(filed.getText()).isEqualTo("Hoàn thành đúng hạn");
        WebElement pending = browser.visible(By.cssSelector("tr[data-unit='" + OTHER_UNIT + "'] td[data-milestone='" + PLAN_MILESTONE + "']"));
        assertThat(pending.getAttribute("data-status")).as("Sở Tư pháp has not filed yet").isNotIn("DONE_ON_TIME", "DONE_LATE");
        browser.screenshot("bang-theo-doi-so-y-te-hoan-thanh");
    }

    @Test
    void dueDate_isShownOnVietnamsClock_onAComputerSetToNewYork() {
        Fixture plan = launchPlan161();

        browser.signIn(tasklist(), "cb.so-tu-phap");
        assertThat(browser.script("return new Date(Date.UTC(2023, 11, 31, 16, 59)).getHours()"))
                .as("the computer itself is in New York: 16:59 UTC is 11:59 there").isEqualTo(11L);
        browser.open(tasklist() + "#/?filter=" + filters.filterId(TasklistFilters.UNIT_TASKS)
                + "&searchQuery=" + processVariableSearch("campaignCode", plan.code()));
        WebElement due = browser.showing(By.cssSelector(".tasks-list li.task"), PLAN_TASK)
                .findElement(By.cssSelector(".due-date [uib-tooltip]"));
        browser.hover(due);
        // The deadline "trong Quý IV năm 2023" is 23:59:59 on 31/12/2023 in Vietnam, 11:59:59 in New York
        browser.showing(By.cssSelector(".tooltip"), "31/12/2023 23:59:59");
        browser.screenshot("han-theo-gio-viet-nam");
    }

    @Test
    void board_findsTheUnitsMilestoneInVietnameseCockpit_byItsBusinessKey() {
        Fixture plan = launchPlan161();
        String businessKey = plan.code() + "/ke-hoach-trien-khai/" + UNIT;

        browser.signIn(cockpit(), "cb.btdkt");
        browser.click("Quy trình");
        browser.showing(By.cssSelector("table"), "Đơn vị thực hiện mốc");
        browser.screenshot("cockpit-quy-trinh");
        browser.click("Đơn vị thực hiện mốc");
        browser.showsText("Phiên xử lý quy trình");
        String definitionId = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(CampaignUnits.UNIT_MILESTONE_PROCESS).latestVersion().singleResult().getId();
        browser.open(cockpit() + "#/process-definition/" + definitionId + "/runtime?searchQuery="
                + search("[{\"type\":\"businessKey\",\"operator\":\"eq\",\"value\":\"" + businessKey + "\"}]"));
        WebElement row = browser.showing(By.cssSelector("table tbody tr"), businessKey);
        assertThat(browser.pageText()).contains("Khóa nghiệp vụ", "Thời điểm bắt đầu").doesNotContain("Business Key", "Start Time");
        // Launched at 09:00 on 11/12/2023 in Vietnam (21:00 the day before in New York), written day first
        assertThat(row.getText()).contains("11/12/2023 09:00:00");
        browser.screenshot("cockpit-don-vi-so-y-te");

        row.findElement(By.cssSelector("a[href*='process-instance']")).click();
        browser.showsText("Khóa nghiệp vụ");
        // an instance is a "phiên xử lý", apart from the definition's "phiên bản"
        browser.showsText("ID phiên xử lý");
        assertThat(browser.pageText()).doesNotContain("ID phiên bản");
        browser.showsText("Tên định nghĩa");
        browser.showing(By.cssSelector("body"), "Đơn vị thực hiện mốc");
        browser.screenshot("cockpit-phien-ban-cua-don-vi");
    }

    private WebElement field(String label) {
        return browser.visible(By.xpath("//label[contains(normalize-space(.), '" + label
                + "')]/following::*[self::input or self::textarea][1]"));
    }

    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            values.put(variable.getName(), variable.getValue());
        }
        return values;
    }

    /** Plan 161 launched by the Board through the API, for two units, on 11/12/2023 at 09:00. */
    private Fixture launchPlan161() {
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), UNIT, OTHER_UNIT);
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        try {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType("application/yaml"));
            ResponseEntity<String> launched = http.withBasicAuth("cb.btdkt", AsOfficer.PASSWORD)
                    .postForEntity("/api/campaigns", new HttpEntity<>(plan.definition(), headers), String.class);
            assertThat(launched.getStatusCode().value()).as(launched.getBody()).isEqualTo(201);
            ProcessClock.runDueJobs(management);
        } finally {
            ProcessClock.reset();
        }
        return plan;
    }

    private Task openTask(Fixture plan, String agency) {
        return taskService.createTaskQuery().processInstanceBusinessKeyLike(plan.code() + "/%/" + agency).singleResult();
    }

    private static String processVariableSearch(String name, String value) {
        return search("[{\"type\":\"processVariables\",\"operator\":\"eq\",\"name\":\"" + name + "\",\"value\":\"" + value + "\"}]");
    }

    private static String search(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private String tasklist() {
        return baseUrl() + "/camunda/app/tasklist/default/";
    }

    private String cockpit() {
        return baseUrl() + "/camunda/app/cockpit/default/";
    }
}
