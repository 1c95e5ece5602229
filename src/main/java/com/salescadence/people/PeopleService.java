package com.salescadence.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.NotFoundException;
import com.salescadence.organization.OrganizationAdministration;
import com.salescadence.organization.OrganizationService;
import com.salescadence.organization.Person;
import com.salescadence.organization.PersonEntry;
import com.salescadence.organization.Role;

/**
 * People administration: add a person (who gets a mail with a one-time link to set their password), edit them,
 * move them to another manager (the chases and approvals about them follow), and let them leave (their open
 * work goes to a successor, their sign-in is locked, their history stays theirs). Each operation is one
 * transaction: a refusal stores nothing.
 */
@Service
@Transactional
public class PeopleService {

    private final OrganizationAdministration administration;
    private final OrganizationService organization;
    private final PasswordLinks links;
    private final PeopleMail mail;
    private final WorkHandover handover;
    private final Clock clock;

    PeopleService(OrganizationAdministration administration, OrganizationService organization, PasswordLinks links,
                  PeopleMail mail, WorkHandover handover, Clock clock) {
        this.administration = administration;
        this.organization = organization;
        this.links = links;
        this.mail = mail;
        this.handover = handover;
        this.clock = clock;
    }

    /** What a move or a leave handed over. */
    public record Handover(List<String> taskIds, int approvals, int openDeals, int openLeads, int accounts, int contacts,
                           int reportsEnded) {
    }

    @Transactional(readOnly = true)
    public List<PersonEntry> directory() {
        return administration.directory();
    }

    @Transactional(readOnly = true)
    public PersonEntry entry(String login) {
        return administration.directory().stream().filter(e -> e.id().equals(login)).findFirst()
                .orElseThrow(() -> new NotFoundException("No person with login '" + login + "'. / 没有登录名为 " + login + " 的人员。"));
    }

    /** Adds a person with their Camunda user (no usable password) and mails them a link to set one. */
    public PersonEntry add(Person person, String language) {
        String lang = language == null || language.isBlank() ? "zh" : language;
        checkLanguage(lang);
        administration.add(person, null);
        administration.setLanguage(person.id(), lang);
        mail.passwordLink(person, lang, links.issue(person.id()), true);
        return entry(person.id());
    }

    /** A new one-time link for an active person (earlier links stop working). */
    public void sendPasswordLink(String login) {
        PersonEntry entry = activeEntry(login);
        mail.passwordLink(entry.person(), entry.language(), links.issue(login), false);
    }

    /** Changes name, e-mail, role, title and language; the manager stays (see {@link #move}). */
    public PersonEntry edit(String login, String fullName, String email, Role role, String title, String language) {
        PersonEntry entry = activeEntry(login);
        if (language != null) {
            checkLanguage(language);
        }
        administration.update(new Person(login, fullName, email, role, entry.managerId(), title));
        if (language != null) {
            administration.setLanguage(login, language);
        }
        return entry(login);
    }

    /** Puts a person under another manager (null: the top); the chases and approvals about them that wait for the old manager go to the new one. */
    public Handover move(String login, String managerId) {
        PersonEntry entry = activeEntry(login);
        String newManager = managerId == null || managerId.isBlank() ? null : managerId.trim();
        administration.update(new Person(login, entry.fullName(), entry.email(), entry.role(), newManager, entry.title()));
        if (entry.managerId() == null || Objects.equals(entry.managerId(), newManager)) {
            return new Handover(List.of(), 0, 0, 0, 0, 0, 0);
        }
        String receiver = newManager != null ? newManager : organization.approverOf(login);
        WorkHandover.Result result = handover.afterMove(login, entry.managerId(), receiver);
        return new Handover(result.taskIds(), result.approvals(), 0, 0, 0, 0, 0);
    }

    /** A person leaves today: open deals, leads, accounts and tasks go to {@code successorId}, the sign-in is locked. */
    public Handover leave(String login, String successorId) {
        PersonEntry entry = entry(login);
        if (!entry.active()) {
            // the second of two identical requests (a double click, a retry): it happened already, 409
            throw new com.salescadence.common.AlreadyRecordedException("'" + login + "' has left already (" + entry.leftOn()
                    + "); nothing was changed. / " + login + " 已经离职（" + entry.leftOn() + "），这次没有修改任何内容。");
        }
        Person successor = organization.findPerson(successorId).orElse(null);
        Checks.start()
                .require(successor != null, "Successor '" + successorId + "' is not an active person. / 接替人 " + successorId + " 不是在职人员。")
                .require(!login.equals(successorId), "A leaver cannot be their own successor. / 离职人员不能做自己的接替人。")
                .require(successor == null || successor.role() == Role.REP || successor.role() == Role.MANAGER,
                        "The successor takes over deals and accounts: choose a rep or manager. / 接替人将接手商机和客户：请选择销售代表或经理。")
                .orThrow();
        administration.deactivate(entry.id(), successorId, LocalDate.now(clock));
        WorkHandover.Result result = handover.afterLeaving(login, successorId);
        return new Handover(result.taskIds(), result.approvals(), result.pipeline().openDeals(), result.pipeline().openLeads(),
                result.pipeline().accounts(), result.pipeline().contacts(), result.reportsEnded());
    }

    /** Active people by login. */
    @Transactional(readOnly = true)
    public Map<String, PersonEntry> active() {
        return administration.directory().stream().filter(PersonEntry::active)
                .collect(Collectors.toMap(PersonEntry::id, Function.identity()));
    }

    private PersonEntry activeEntry(String login) {
        PersonEntry entry = entry(login);
        if (!entry.active()) {
            throw new com.salescadence.common.ValidationException("'" + login + "' has left (" + entry.leftOn()
                    + "); a leaver cannot be changed. / " + login + " 已离职，无法修改。");
        }
        return entry;
    }

    static void checkLanguage(String language) {
        Checks.start().require("zh".equals(language) || "en".equals(language),
                "Language must be zh or en. / 语言必须是 zh 或 en。").orThrow();
    }
}
