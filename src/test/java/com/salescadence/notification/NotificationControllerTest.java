package com.salescadence.notification;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

/** The REST API on MockMvc, standalone: who sees which notifications. */
class NotificationControllerTest {

    private final NotificationService notifications = mock(NotificationService.class);
    private final OrganizationService organization = mock(OrganizationService.class);
    private MockMvc mvc;

    private final OutboxMessage forRep = message(7, "rep1");
    private final OutboxMessage forOtherRep = message(8, "rep2");

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new NotificationController(notifications, organization))
                .setMessageConverters(new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                        .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())) // as Spring Boot does
                .build();
        person("rep1", Role.REP);
        person("rep2", Role.REP);
        person("mgr1", Role.MANAGER);
        person("boss", Role.ADMIN);
        person("cfo", Role.FINANCE);
        when(notifications.find(7)).thenReturn(Optional.of(forRep));
        when(notifications.find(8)).thenReturn(Optional.of(forOtherRep));
    }

    @Test
    void aPersonSeesTheirOwnNotificationsWithTheDefaultLimitOf50() throws Exception {
        when(notifications.forRecipient("rep1", 50)).thenReturn(List.of(forRep));

        mvc.perform(get("/api/notifications").principal(as("rep1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(7))
                .andExpect(jsonPath("$[0].recipientId").value("rep1"))
                .andExpect(jsonPath("$[0].kind").value("PAYMENT_OVERDUE"))
                .andExpect(jsonPath("$[0].status").value("PENDING"))
                .andExpect(jsonPath("$[0].attempts").value(1))
                .andExpect(jsonPath("$[0].lastError").value("Connection refused"))
                .andExpect(jsonPath("$[0].createdAt").value("2026-03-02T01:00:00Z"))
                .andExpect(jsonPath("$[0].recipientEmail").doesNotExist());
    }

    @Test
    void theLimitCanBeRaisedTo500() throws Exception {
        when(notifications.forRecipient("rep1", 500)).thenReturn(List.of());

        mvc.perform(get("/api/notifications").param("limit", "500").principal(as("rep1")))
                .andExpect(status().isOk());
        verify(notifications).forRecipient("rep1", 500);
    }

    @Test
    void aLimitOutsideOneTo500IsABadRequest() throws Exception {
        for (String limit : new String[] {"0", "-1", "501"}) {
            mvc.perform(get("/api/notifications").param("limit", limit).principal(as("rep1")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("limit must be between 1 and 500, got " + limit + "."));
        }
        mvc.perform(get("/api/notifications").param("limit", "many").principal(as("rep1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("limit must be a whole number."));
        verify(notifications, never()).forRecipient(anyString(), anyInt());
    }

    @Test
    void aRepOrManagerMayNotSeeEveryonesNotifications() throws Exception {
        for (String caller : new String[] {"rep1", "mgr1", "stranger"}) {
            mvc.perform(get("/api/notifications/all").principal(as(caller)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value("Only admin and finance see everyone's notifications."));
        }
        verify(notifications, never()).recent(anyInt());
    }

    @Test
    void adminAndFinanceSeeEveryonesNotifications() throws Exception {
        when(notifications.recent(20)).thenReturn(List.of(forOtherRep, forRep));

        for (String caller : new String[] {"boss", "cfo"}) {
            mvc.perform(get("/api/notifications/all").param("limit", "20").principal(as(caller)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains(8, 7)));
        }
    }

    @Test
    void aPersonSeesOneOfTheirOwnNotifications() throws Exception {
        mvc.perform(get("/api/notifications/7").principal(as("rep1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("Invoice 7 overdue"));
    }

    @Test
    void someoneElsesNotificationIsNotFound() throws Exception {
        mvc.perform(get("/api/notifications/8").principal(as("rep1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("No notification 8."));
        mvc.perform(get("/api/notifications/8").principal(as("cfo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAdminSeesAnyNotification() throws Exception {
        mvc.perform(get("/api/notifications/8").principal(as("boss")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipientId").value("rep2"));
    }

    @Test
    void aMissingNotificationIsNotFound() throws Exception {
        when(notifications.find(99)).thenReturn(Optional.empty());

        mvc.perform(get("/api/notifications/99").principal(as("boss")))
                .andExpect(status().isNotFound());
    }

    private void person(String id, Role role) {
        when(organization.findPerson(id)).thenReturn(Optional.of(new Person(id, id, id + "@example.com", role, null, null)));
    }

    private static Principal as(String personId) {
        return () -> personId;
    }

    private static OutboxMessage message(long id, String recipientId) {
        Instant created = Instant.parse("2026-03-02T01:00:00Z");
        return new OutboxMessage(id, recipientId, recipientId + "@example.com", NotificationKind.PAYMENT_OVERDUE,
                "Invoice 7 overdue", "Invoice 7 is overdue.", OutboxStatus.PENDING, 1, "Connection refused", created,
                created.plusSeconds(60), null);
    }
}
