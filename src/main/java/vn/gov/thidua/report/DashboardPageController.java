package vn.gov.thidua.report;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import vn.gov.thidua.campaign.CampaignStatusReport.State;
import vn.gov.thidua.dossier.DossierStatus;
import vn.gov.thidua.security.CurrentOfficer;
import vn.gov.thidua.system.ApiException;

/**
 * The dashboard as a Vietnamese page for the Board's and the standing agency's officers, served by the application
 * (signed in with the Tasklist/Cockpit session or HTTP Basic). Refusals are pages too, not JSON.
 */
@Controller
class DashboardPageController {

    private static final List<State> STATES = List.of(State.PENDING, State.DONE_ON_TIME, State.DONE_LATE, State.OVERDUE,
            State.NOT_ISSUED);

    private final CampaignDashboard dashboards;

    DashboardPageController(CampaignDashboard dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String campaigns(Model model) {
        model.addAttribute("user", CurrentOfficer.userId());
        model.addAttribute("campaigns", dashboards.visibleCampaigns());
        return "dashboard/index";
    }

    @GetMapping("/dashboard/campaigns/{code}")
    String campaign(@PathVariable String code, Model model) {
        model.addAttribute("user", CurrentOfficer.userId());
        model.addAttribute("d", dashboards.of(code));
        model.addAttribute("states", STATES);
        model.addAttribute("dossierStates", DossierStatus.values());
        return "dashboard/campaign";
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e) {
        ModelAndView page = new ModelAndView("dashboard/error");
        page.setStatus(e.status());
        page.addObject("status", e.status().value());
        page.addObject("message", e.getMessage());
        return page;
    }
}
