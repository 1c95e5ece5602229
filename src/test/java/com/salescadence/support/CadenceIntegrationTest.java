package com.salescadence.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on a random port, in ONE Spring context that every test class so annotated shares
 * (Spring's test context cache): the engine, the web apps, {@code /engine-rest} and {@code /api}, job executor off
 * (application-test.yml). On H2 that context has its in-memory database; on PostgreSQL ({@link TestDatabase#postgres()})
 * one fresh database for the whole run, named after CADENCE_TEST_POSTGRES_URL's plus {@code _shared}.
 *
 * <p>Before each test class {@link SharedContextReset} empties the data a class could see of the classes before
 * it: every process instance and all history, the product's tables, the people and their Camunda users (the
 * groups, grants, deployments and the engine's administrator {@code t.admin} stay); and it resets the engine's
 * clock. So a class starts as on a fresh database, as when each class had a context of its own; tests of one class
 * still share data, as before.
 *
 * <p>How a new integration test joins the shared context:
 * <pre>
 * &#64;CadenceIntegrationTest
 * class MyFeatureIntegrationTest {
 *     &#64;Autowired TestRestTemplate http;   // or &#64;LocalServerPort int port; services; ProcessEngine
 *     &#64;BeforeEach void people() { TestOrganization.ensure(organization, administration); }
 *     &#64;AfterEach void clock() { ClockUtil.reset(); }   // when the test moves the engine's clock
 * }
 * </pre>
 * and nothing else: no {@code @SpringBootTest}, {@code @ActiveProfiles}, {@code @DynamicPropertySource},
 * {@code @TestPropertySource}, {@code @MockBean}/{@code @MockitoBean} or {@code @DirtiesContext} on the class,
 * because any of them makes Spring build (and keep) another whole application for that class. A setting every
 * test may share goes into this annotation's {@code @SpringBootTest(properties = ...)} below; a test that truly needs other settings (a demo database,
 * another SMTP server, changed models, a first start) keeps the old pattern ({@code @SpringBootTest} plus a
 * {@code @DynamicPropertySource} calling {@link TestDatabase#registerOwn}) and says why.
 * Browser tests extend {@code TasklistBrowserTestBase} and carry this annotation too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // the import tests refuse files above 2 MB and report progress every 500 rows
        "cadence.import.max-bytes=2MB", "cadence.import.progress-every=500",
        // the import and metrics tests convert a USD deal
        "cadence.currency.rates.USD=7.10",
        // small batches of the monthly forecast's asks, so the process tests walk the batch loops (as the weekly
        // commit's in application-test.yml)
        "cadence.monthly-forecast.batch-size=2",
        // the operations test fills the outbox above this to see /actuator/health DOWN
        "cadence.notification.backlog-alarm=" + CadenceIntegrationTest.BACKLOG_ALARM})
@ActiveProfiles("test")
@ContextConfiguration(initializers = SharedTestDatabase.class)
@TestExecutionListeners(listeners = SharedContextReset.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface CadenceIntegrationTest {

    /** Waiting mails above which /actuator/health/outbox is DOWN in the shared context. */
    int BACKLOG_ALARM = 5;
}
