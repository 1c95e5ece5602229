package com.salescadence.pipeline;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.organization.OrganizationService;

/** The contacts of an account. */
@Service
@Transactional
public class ContactService {

    public static final int MAX_PHONE = 50;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. /]+");

    private final ContactRepository contacts;
    private final AccountRepository accounts;
    private final OrganizationService organization;

    ContactService(ContactRepository contacts, AccountRepository accounts, OrganizationService organization) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.organization = organization;
    }

    /** Adds the problems of a contact's own fields (name, title, email, phone) to {@code checks}. */
    public static Checks checkFields(String name, String title, String email, String phone, Checks checks) {
        checks.requiredName(name, "Contact name", Checks.SHORT_TEXT)
                .optionalText(title, "Title", Checks.SHORT_TEXT);
        return checkPhone(phone, checkEmail(email, checks));
    }

    /** Adds the problems of an optional e-mail address to {@code checks}. */
    public static Checks checkEmail(String email, Checks checks) {
        checks.optionalText(email, "Email", Checks.SHORT_TEXT);
        if (email != null && !email.isBlank()) {
            checks.require(EMAIL.matcher(email.trim()).matches(), "Email '" + email + "' is not an email address.");
        }
        return checks;
    }

    /** Adds the problems of an optional phone number to {@code checks}. */
    public static Checks checkPhone(String phone, Checks checks) {
        checks.optionalText(phone, "Phone", MAX_PHONE);
        if (phone != null && !phone.isBlank()) {
            checks.require(PHONE.matcher(phone.trim()).matches(),
                    "Phone '" + phone + "' may hold only digits, spaces and + ( ) - . /");
        }
        return checks;
    }

    public Contact create(long accountId, String name, String title, String email, String phone, String ownerId) {
        Checks checks = checkFields(name, title, email, phone, Checks.start())
                .require(accounts.find(accountId).isPresent(), "Account " + accountId + " does not exist.")
                .require(ownerId != null && organization.findPerson(ownerId).isPresent(), "Owner '" + ownerId + "' is not a known person.");
        checks.orThrow();
        long id = contacts.insert(accountId, name.trim(), blankToNull(title), blankToNull(email), blankToNull(phone), ownerId);
        return new Contact(id, accountId, name.trim(), blankToNull(title), blankToNull(email), blankToNull(phone), ownerId);
    }

    /** Whether the account has a contact with that email, or (without an email) that name; case ignored. */
    @Transactional(readOnly = true)
    public boolean exists(long accountId, String email, String name) {
        return contacts.exists(accountId, email, name);
    }

    @Transactional(readOnly = true)
    public List<Contact> ofAccount(long accountId) {
        return contacts.findByAccount(accountId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
