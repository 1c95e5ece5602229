package com.salescadence.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.NotFoundException;

/** Adds, changes and deactivates people of the organization, and their Camunda user with them, in one transaction. */
@Service
@Transactional
public class OrganizationAdministration {

    private final PersonRepository people;
    private final CamundaIdentitySync identities;

    OrganizationAdministration(PersonRepository people, CamundaIdentitySync identities) {
        this.people = people;
        this.identities = identities;
    }

    public Person add(Person person, String password) {
        if (person.id() != null && people.exists(person.id())) {
            // a clash with a stored person (also the loser of two identical requests at once): 409
            throw new com.salescadence.common.ConflictException("Login name '" + person.id() + "' is taken. / 登录名 "
                    + person.id() + " 已被使用。");
        }
        Checks.start()
                .requiredText(person.id(), "Login name", 64)
                .require(person.id() == null || person.id().matches("[a-z0-9._-]+"), "Login name may only use a-z, 0-9, '.', '_' and '-'.")
                // (taken is checked once, above: asked again here, a twin request stored meanwhile made it a 400, not 409)
                .requiredName(person.fullName(), "Full name", 120)
                .requiredText(person.email(), "E-mail", 200)
                .require(person.role() != null, "Role is required.")
                .require(person.managerId() == null || people.findById(person.managerId()).isPresent(),
                        "Manager '" + person.managerId() + "' does not exist.")
                .require(person.managerId() == null || !person.managerId().equals(person.id()),
                        ReportingLineRules.managerProblem(person.id(), person.managerId(), Map.of()).orElse(""))
                .require(managerRoleProblem(person.managerId()).isEmpty(), managerRoleProblem(person.managerId()).orElse(""))
                .orThrow();
        people.insert(person);
        identities.sync(person, password);
        return person;
    }

    /**
     * Changes an active person's name, e-mail, role, manager and title, and their Camunda user and group with
     * them. Refused: an unknown person, a manager that would make a loop or the person their own manager, and
     * taking the administrator role from the last administrator.
     */
    public Person update(Person person) {
        Person before = people.findById(person.id())
                .orElseThrow(() -> new NotFoundException("No active person with login '" + person.id() + "'."));
        Checks.start()
                .requiredText(person.fullName(), "Full name", 120)
                .requiredText(person.email(), "E-mail", 200)
                .optionalText(person.title(), "Title", 120)
                .require(person.role() != null, "Role is required.")
                .require(person.managerId() == null || people.findById(person.managerId()).isPresent(),
                        "Manager '" + person.managerId() + "' is not an active person. / 经理 " + person.managerId() + " 不是在职人员。")
                .orThrow();
        Checks.start()
                .require(ReportingLineRules.managerProblem(person.id(), person.managerId(), managers()).isEmpty(),
                        ReportingLineRules.managerProblem(person.id(), person.managerId(), managers()).orElse(""))
                .require(!ReportingLineRules.removesLastAdministrator(before.role(), person.role(), activeAdministrators()),
                        ReportingLineRules.lastAdministratorRefusal(person.id()))
                .require(managerRoleProblem(person.managerId()).isEmpty(), managerRoleProblem(person.managerId()).orElse(""))
                .require(person.role() == Role.MANAGER || person.role() == Role.ADMIN || people.findDirectReports(person.id()).isEmpty(),
                        "'" + person.id() + "' has reports: move them to another manager before changing the role. / " + person.id()
                                + " 有下属：请先把他们调到其他经理名下，再更改角色。")
                .orThrow();
        people.update(person);
        identities.sync(person, null);
        return person;
    }

    /**
     * A person leaves on {@code on}: inactive from then on, their Camunda user removed (so a sign-in fails), their
     * history kept under their name. Refused for the last administrator and for a manager who still has reports.
     */
    public void deactivate(String personId, String successorId, java.time.LocalDate on) {
        Person person = people.findById(personId).orElseThrow(() -> people.findEntries().stream()
                .anyMatch(e -> e.id().equals(personId)) ? leftAlready(personId)
                : new NotFoundException("No active person with login '" + personId + "'."));
        List<Person> reports = people.findDirectReports(personId);
        Checks.start()
                .require(!ReportingLineRules.removesLastAdministrator(person.role(), null, activeAdministrators()),
                        ReportingLineRules.lastAdministratorRefusal(personId))
                .require(reports.isEmpty(), "'" + personId + "' still manages " + reports.size()
                        + " people: move them to another manager first. / " + personId + " 仍有 " + reports.size()
                        + " 名直接下属：请先把他们调到其他经理名下。")
                .orThrow();
        // the update is conditional: of two requests at once (a double click, a retry) the second changes nothing and is told so
        if (!people.deactivate(personId, on, successorId)) {
            throw leftAlready(personId);
        }
        identities.remove(personId);
    }

    private static RuntimeException leftAlready(String personId) {
        return new com.salescadence.common.AlreadyRecordedException("'" + personId + "' has left already; nothing was changed. / "
                + personId + " 已经离职，这次没有修改任何内容。");
    }

    /** Sets a person's sign-in password (hashed by Camunda's identity service). */
    public void setPassword(String personId, String password) {
        identities.setPassword(personId, password);
    }

    /** Everyone, active or not, with language and leaving date: the administrators' directory. */
    @Transactional(readOnly = true)
    public List<PersonEntry> directory() {
        return people.findEntries();
    }

    private Map<String, String> managers() {
        Map<String, String> managerOf = new HashMap<>();
        people.findAll().forEach(p -> managerOf.put(p.id(), p.managerId()));
        return managerOf;
    }

    private java.util.Optional<String> managerRoleProblem(String managerId) {
        return managerId == null ? java.util.Optional.empty()
                : people.findById(managerId).flatMap(m -> ReportingLineRules.managerRoleProblem(managerId, m.role()));
    }

    private long activeAdministrators() {
        return people.findByRole(Role.ADMIN).size();
    }

    public void setLanguage(String personId, String language) {
        Checks.start().require("zh".equals(language) || "en".equals(language), "Language must be zh or en.").orThrow();
        people.setLanguage(personId, language);
    }
}
