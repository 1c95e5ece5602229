package com.salescadence.organization;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.salescadence.common.StartupLock;

/**
 * The first administrator of an installation, from the environment: when no user is in the
 * administrators' group yet, {@code CADENCE_ADMIN_USER} (default {@code admin}) is created with
 * {@code CADENCE_ADMIN_PASSWORD} (at least {@value #MIN_PASSWORD_LENGTH} characters), once; the node refuses
 * to start when that password is missing or too short. Nothing ships with a default password: the demo
 * profile, which loads its own people, is the only exception, and it is skipped there. Once an
 * administrator exists the variables are not read again (passwords are changed in Camunda Admin). The
 * password is stored as Camunda's identity service stores every password: salted and hashed.
 */
@Component
@Order(21)
class FirstAdministrator implements ApplicationRunner {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final IdentityService identityService;
    private final OrganizationAdministration administration;
    private final StartupLock startupLock;
    private final Settings settings;
    private final boolean demo;

    record Settings(String user, String password, String email, String name) {
    }

    FirstAdministrator(IdentityService identityService, OrganizationAdministration administration, StartupLock startupLock,
                       @Value("${cadence.admin.user:admin}") String user,
                       @Value("${cadence.admin.password:}") String password,
                       @Value("${cadence.admin.email:}") String email,
                       @Value("${cadence.admin.name:Administrator}") String name,
                       @Value("${cadence.demo.enabled:false}") boolean demo) {
        this.identityService = identityService;
        this.administration = administration;
        this.startupLock = startupLock;
        this.settings = new Settings(user == null ? "" : user.trim(), password, email, name);
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.run(this::ensure);
    }

    private void ensure() {
        if (identityService.createUserQuery().memberOfGroup(Role.ADMIN.groupId()).count() > 0) {
            return;
        }
        if (demo) {
            log.info("No administrator yet: the demo profile creates its own");
            return;
        }
        String problem = problemWith(settings);
        if (problem != null) {
            throw new MissingAdministratorException(problem);
        }
        String email = settings.email() == null || settings.email().isBlank() ? settings.user() + "@localhost" : settings.email().trim();
        administration.add(new Person(settings.user(), settings.name(), email, Role.ADMIN, null, "Administrator"), settings.password());
        log.info("Created the first administrator '{}' from CADENCE_ADMIN_USER / CADENCE_ADMIN_PASSWORD; "
                + "change the password in Camunda Admin, the variables are not read again", settings.user());
    }

    /** What is wrong with the first administrator's settings, or null. */
    static String problemWith(Settings settings) {
        if (settings.user() == null || settings.user().isBlank()) {
            return "CADENCE_ADMIN_USER is empty.";
        }
        if (settings.password() == null || settings.password().isEmpty()) {
            return "CADENCE_ADMIN_PASSWORD is not set.";
        }
        if (settings.password().isBlank()) {
            return "CADENCE_ADMIN_PASSWORD is blank.";
        }
        if (settings.password().length() < MIN_PASSWORD_LENGTH) {
            return "CADENCE_ADMIN_PASSWORD is shorter than " + MIN_PASSWORD_LENGTH + " characters.";
        }
        if (settings.password().equalsIgnoreCase(settings.user())) {
            return "CADENCE_ADMIN_PASSWORD is the login name.";
        }
        return null;
    }

    /** The node cannot start: there is no administrator, and none can be created from the environment. */
    static class MissingAdministratorException extends IllegalStateException {

        MissingAdministratorException(String problem) {
            super("No administrator exists yet and none can be created: " + problem
                    + " Set CADENCE_ADMIN_USER (default admin), CADENCE_ADMIN_PASSWORD (at least " + MIN_PASSWORD_LENGTH
                    + " characters) and CADENCE_ADMIN_EMAIL for the first start.");
        }
    }

    /** Prints the problem as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
    static class MissingAdministratorAnalyzer
            extends org.springframework.boot.diagnostics.AbstractFailureAnalyzer<MissingAdministratorException> {

        @Override
        protected org.springframework.boot.diagnostics.FailureAnalysis analyze(Throwable rootFailure, MissingAdministratorException cause) {
            return new org.springframework.boot.diagnostics.FailureAnalysis(cause.getMessage(),
                    "Start the first node with the first administrator's login and password in the environment, e.g.\n\n"
                            + "    CADENCE_ADMIN_USER=admin CADENCE_ADMIN_PASSWORD='<12 or more characters>' CADENCE_ADMIN_EMAIL=admin@example.com\n\n"
                            + "(or run the demo: ./mvnw spring-boot:run, profile demo).", cause);
        }
    }
}
