package vn.gov.thidua.report;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import vn.gov.thidua.campaign.CampaignStatusReport.State;
import vn.gov.thidua.dossier.DossierStatus;
import vn.gov.thidua.report.CampaignDashboard.Dashboard;
import vn.gov.thidua.report.CampaignDashboard.UnitRow;
import vn.gov.thidua.report.DashboardUnits.UnitQuery;
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

    /** The bar's order: what is done, then what is still running, then what is late, then what is not given yet. */
    private static final List<State> BAR_STATES = List.of(State.DONE_ON_TIME, State.DONE_LATE, State.PENDING, State.OVERDUE,
            State.NOT_ISSUED);
    private static final int MOST_OVERDUE_SHOWN = 15;
    private static final List<Integer> PAGE_SIZES = List.of(20, 50, 100, 200);

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

    /**
     * The campaign's page: the charts of every milestone and of the most overdue units, then the units a page at a time
     * with the Board's filters (a form that sends itself again, no script).
     */
    @GetMapping("/dashboard/campaigns/{code}")
    String campaign(@PathVariable String code, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String parent, @RequestParam(required = false) String milestone,
                    @RequestParam(required = false) String state, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "" + DashboardUnits.DEFAULT_SIZE) int size, Model model) {
        Dashboard d = dashboards.of(code);
        UnitQuery query = new UnitQuery(kind, parent, milestone, state, q, sort, page, size);
        model.addAttribute("user", CurrentOfficer.userId());
        model.addAttribute("d", d);
        model.addAttribute("query", query);
        model.addAttribute("units", DashboardUnits.select(d, query));
        model.addAttribute("mostOverdue", d.units().stream().filter(u -> u.mostDaysOverdue() > 0)
                .sorted(Comparator.comparingInt(UnitRow::mostDaysOverdue).reversed()).limit(MOST_OVERDUE_SHOWN).toList());
        model.addAttribute("pageSizes", Stream.concat(PAGE_SIZES.stream(), Stream.of(query.size())).distinct().sorted().toList());
        model.addAttribute("states", STATES);
        model.addAttribute("barStates", BAR_STATES);
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
