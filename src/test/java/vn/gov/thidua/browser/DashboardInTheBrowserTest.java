package vn.gov.thidua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.Browser;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The Board's dashboard in headless Chromium (issue #26, point 7): the milestone bars are drawn (no script, no file from
 * elsewhere), the milestone the Board has not opened is marked, and the unit filters and pages work by the form alone.
 */
@ProductTest
@Tag("browser")
class DashboardInTheBrowserTest extends ProductStory {

    private static final String PLAN = "ke-hoach-trien-khai";

    @RegisterExtension
    static final Browser browser = new Browser("dashboard-in-the-browser", "Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;

    @Test
    void board_seesEachMilestonesBar_theMilestoneWaitingForIt_andFiltersAndPagesTheUnits() {
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161),
                "so-y-te", "so-tu-phap", "so-gtvt", "ubnd-vu-thu", "ubnd-hung-ha");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        ProcessClock.at("2023-12-20T10:00:00+07:00");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(plan.code() + "/" + PLAN + "/so-y-te").singleResult();
        AsOfficer.run(identityService, "cb.so-y-te", () -> taskService.complete(task.getId(),
                Map.of("documentNumber", "15/KH-SYT", "documentDate", "2023-12-19")));
        ProcessClock.advanceTo("2024-11-05T09:00:00+07:00", management);

        // the dashboard takes the same login over HTTP Basic: no webapp sign-in page in the way
        browser.open("http://cb.btdkt:" + AsOfficer.PASSWORD + "@localhost:" + port + "/dashboard/campaigns/" + plan.code() + "?size=2");
        WebElement overdue = browser.visible(By.cssSelector("[data-milestone-chart='" + PLAN + "'] rect[data-segment='OVERDUE']"));
        WebElement onTime = browser.visible(By.cssSelector("[data-milestone-chart='" + PLAN + "'] rect[data-segment='DONE_ON_TIME']"));
        assertThat(overdue.getRect().getWidth()).as("4 of 5 units overdue, drawn four times as wide as the one on time")
                .isBetween(onTime.getRect().getWidth() * 4 - 3, onTime.getRect().getWidth() * 4 + 3);
        assertThat(browser.visible(By.cssSelector("[data-milestone-chart='bao-cao-so-ket-2024'] [data-waiting-for-board]")).getText())
                .startsWith("Chờ Ban Thi đua - Khen thưởng mở mốc");
        assertThat(browser.visible(By.cssSelector("[data-overdue-unit='so-gtvt']")).getText()).contains("Sở Giao thông vận tải", "ngày");
        browser.screenshot("bang-theo-doi-bieu-do");

        assertThat(browser.visible(By.cssSelector("[data-unit-count]")).getText()).isEqualTo("5 đơn vị, trang 1/3.");
        browser.click("Trang sau ›");
        browser.showing(By.cssSelector("[data-unit-count]"), "trang 2/3");
        new Select(browser.visible(By.name("kind"))).selectByValue("DISTRICT");
        new Select(browser.visible(By.name("state"))).selectByValue("OVERDUE");
        browser.click("Lọc");
        browser.showing(By.cssSelector("[data-unit-count]"), "2 trong 5 đơn vị");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-unit]"))).extracting(row -> row.getAttribute("data-unit"))
                .containsExactly("ubnd-hung-ha", "ubnd-vu-thu");
        browser.screenshot("bang-theo-doi-loc-huyen-qua-han");
    }
}
