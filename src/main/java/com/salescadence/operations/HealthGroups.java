package com.salescadence.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The summary {@code /actuator/health} (the load balancer's and the public URL) leaves out the mail components:
 * {@code mail} (Spring's check of the SMTP server) and {@code outbox} (the backlog of waiting mails). A mail fault
 * delays mail, it never makes a node unfit to serve: with them in the summary an unreachable SMTP server answered
 * 503 on every node at once. Spring Boot has no setting to leave a component out of the summary, so the
 * summary's group is wrapped. The group {@code mail} of application.yml shows both to administrators
 * ({@code /actuator/health/mail}, one of them: {@code /actuator/health/mail/outbox}); readiness is configured there too.
 */
@Configuration(proxyBeanMethods = false)
class HealthGroups {

    /** The components of mail delivery, not of serving requests. */
    static final Set<String> MAIL_COMPONENTS = Set.of("mail", "outbox");

    @Bean
    HealthEndpointGroupsPostProcessor mailOutOfTheSummary() {
        return groups -> {
            Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
            groups.getNames().forEach(name -> named.put(name, groups.get(name)));
            return HealthEndpointGroups.of(new Without(groups.getPrimary(), MAIL_COMPONENTS), named);
        };
    }

    /** A health group without some components; everything else as the group it wraps. */
    private record Without(HealthEndpointGroup group, Set<String> left) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return !left.contains(name) && group.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return group.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return group.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return group.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return group.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return group.getAdditionalPath();
        }
    }
}
