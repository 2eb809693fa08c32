package vn.gov.thidua.support;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.thidua.campaign.CampaignService;

/**
 * What a story test of the whole application ({@link ProductTest}) starts from: the engine's services and the
 * product's entry most stories begin with, an HTTP client on the running port, the database, the engine assertions
 * bound to this engine before each test and the engine's clock given back after it. A test class annotates itself
 * {@code @ProductTest} too, so that every class shares one Spring context whether it extends this or not.
 */
public abstract class ProductStory {

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected RepositoryService repositoryService;
    @Autowired
    protected CampaignService campaigns;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TestRestTemplate http;

    @BeforeEach
    void bindEngineAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void giveTheClockBack() {
        ProcessClock.reset();
    }
}
