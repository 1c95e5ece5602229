package com.salescadence.notification.chat;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.salescadence.common.NotFoundException;
import com.salescadence.common.ValidationException;
import com.salescadence.notification.Channel;
import com.salescadence.notification.ChatChannel;
import com.salescadence.notification.ChatChannels;
import com.salescadence.notification.NotificationService;
import com.salescadence.notification.chat.ChatRequests.ChannelsChange;
import com.salescadence.notification.chat.ChatRequests.PersonChannels;
import com.salescadence.notification.chat.ChatRequests.RobotChange;
import com.salescadence.notification.chat.ChatRequests.RobotView;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The teams' chat robots (administrators; web.SecurityConfiguration lets only them call /api/chat-channels and
 * /api/notification-channels) and each person's choice of mail, chat or both (the person, at /api/me/..., or an
 * administrator). A robot's address holds its token and its secret signs: neither is ever answered in full.
 */
@RestController
@Tag(name = "Chat channels", description = "WeCom, DingTalk and Feishu group robots per team, and mail / chat / both per person")
class ChatChannelController {

    private final ChatChannels chat;
    private final NotificationService notifications;
    private final OrganizationService organization;
    private final Clock clock;

    ChatChannelController(ChatChannels chat, NotificationService notifications, OrganizationService organization,
            ObjectProvider<Clock> clock) {
        this.chat = chat;
        this.notifications = notifications;
        this.organization = organization;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping(path = "/api/chat-channels", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Admin: every team's robot, address and secret masked")
    List<RobotView> robots() {
        return chat.all().stream().map(this::view).toList();
    }

    @PutMapping(path = "/api/chat-channels/{teamId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Admin: set the robot of the team led by {teamId} (a manager)",
            description = "400: no such manager, no address for a new robot, or a signing robot (DingTalk, Feishu) kept without secret")
    RobotView save(@PathVariable String teamId, @Valid @RequestBody RobotChange change, Principal caller) {
        Person lead = organization.findPerson(teamId).filter(Person::isManager)
                .orElseThrow(() -> new ValidationException("'" + teamId + "' 不是在职经理，无法为其团队设置机器人。 / '" + teamId
                        + "' is no active manager: no team to set a robot for."));
        if (change.kind() == Channel.MAIL) {
            throw new ValidationException("机器人类型必须是 WECOM、DINGTALK 或 FEISHU。 / A robot is WECOM, DINGTALK or FEISHU.");
        }
        Optional<ChatChannel> before = chat.find(lead.id());
        String url = blank(change.webhookUrl()) ? before.map(ChatChannel::webhookUrl).orElse(null) : change.webhookUrl().strip();
        if (url == null) {
            throw new ValidationException("请填写机器人的 Webhook 地址。 / The robot's webhook address is required.");
        }
        String secret = blank(change.secret()) ? null : change.secret().strip();
        return view(chat.save(lead.id(), change.kind(), url, secret, change.clearSecret(), caller.getName(), clock.instant()));
    }

    @DeleteMapping("/api/chat-channels/{teamId}")
    @Operation(summary = "Admin: remove a team's robot (posts still waiting for it fail; its people are mailed from now on)")
    ResponseEntity<Void> delete(@PathVariable String teamId) {
        if (!chat.delete(teamId)) {
            throw new NotFoundException("团队 '" + teamId + "' 没有机器人。 / Team '" + teamId + "' has no robot.");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/notification-channels", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Admin: everyone's choice of mail, chat or both, and the robot that reaches them")
    List<PersonChannels> everyone() {
        return organization.everyone().stream().map(p -> channels(p.id())).toList();
    }

    @PutMapping(path = "/api/notification-channels/{personId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Admin: set a person's choice")
    PersonChannels setFor(@PathVariable String personId, @Valid @RequestBody ChannelsChange change, Principal caller) {
        Person person = organization.findPerson(personId)
                .orElseThrow(() -> new NotFoundException("没有在职人员 '" + personId + "'。 / No active person '" + personId + "'."));
        chat.setPreference(person.id(), change.channels(), caller.getName(), clock.instant());
        return channels(person.id());
    }

    @GetMapping(path = "/api/me/notification-channels", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "My choice of mail, chat or both, and the robot that reaches me")
    PersonChannels mine(Principal caller) {
        return channels(me(caller).id());
    }

    @PutMapping(path = "/api/me/notification-channels", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set my choice of mail, chat or both")
    PersonChannels setMine(@Valid @RequestBody ChannelsChange change, Principal caller) {
        Person me = me(caller);
        chat.setPreference(me.id(), change.channels(), me.id(), clock.instant());
        return channels(me.id());
    }

    private Person me(Principal caller) {
        return organization.findPerson(caller.getName()).orElseThrow(() -> new ValidationException(
                "您不是组织中的人员，无法设置通知方式。 / You are not a person of the organisation: no notification channels to set."));
    }

    private PersonChannels channels(String personId) {
        Optional<ChatChannel> robot = notifications.chatRobotOf(personId);
        return new PersonChannels(personId, organization.findPerson(personId).map(Person::fullName).orElse(personId),
                chat.preference(personId), robot.map(ChatChannel::teamId).orElse(null), robot.map(ChatChannel::kind).orElse(null));
    }

    private RobotView view(ChatChannel robot) {
        return new RobotView(robot.teamId(), organization.findPerson(robot.teamId()).map(Person::fullName).orElse(robot.teamId()),
                robot.kind(), Masking.webhook(robot.webhookUrl()), robot.secret() != null, Masking.hint(robot.secret()),
                robot.updatedAt(), robot.updatedBy());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

}
