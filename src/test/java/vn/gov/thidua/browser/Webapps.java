package vn.gov.thidua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;

/** The addresses of the webapps in a running product, and the campaign the browser stories work on. */
record Webapps(String baseUrl, TestRestTemplate http, ManagementService management) {

    String tasklist() {
        return baseUrl + "/camunda/app/tasklist/default/";
    }

    String cockpit() {
        return baseUrl + "/camunda/app/cockpit/default/";
    }

    String admin() {
        return baseUrl + "/camunda/app/admin/default/";
    }

    String welcome() {
        return baseUrl + "/camunda/app/welcome/default/";
    }

    /** Plan 161 launched by the Board through the API, for these units, on 11/12/2023 at 09:00 in Vietnam. */
    Fixture launchPlan161(String... units) {
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), units);
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
}
