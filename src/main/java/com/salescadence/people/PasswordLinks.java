package com.salescadence.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.salescadence.common.Checks;
import com.salescadence.common.ValidationException;
import com.salescadence.organization.OrganizationAdministration;

/**
 * One-time links to set a password: a random token goes into the mail's link, only its SHA-256 hash is stored.
 * A link expires after {@code cadence.people.password-link-hours} (72) and works once; a new link for the same
 * person ends the earlier ones.
 */
@Service
@Transactional
public class PasswordLinks {

    /** The shortest password a person may choose (as for the first administrator). */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final OrganizationAdministration administration;
    private final Clock clock;
    private final Duration validFor;

    PasswordLinks(JdbcClient jdbc, OrganizationAdministration administration, Clock clock,
                  @Value("${cadence.people.password-link-hours:72}") long hours) {
        this.jdbc = jdbc;
        this.administration = administration;
        this.clock = clock;
        this.validFor = Duration.ofHours(hours);
    }

    /** A new link's token (to be mailed, never stored) and when it expires. */
    public record Issued(String token, LocalDateTime expiresAt) {
    }

    /** What a token is good for: the login it sets the password of, until when. */
    public record Valid(String personId, LocalDateTime expiresAt) {
    }

    Issued issue(String personId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("update password_link set used_at = ? where person_id = ? and used_at is null").params(now, personId).update();
        jdbc.sql("insert into password_link (person_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
                .params(personId, hash(token), now, now.plus(validFor)).update();
        return new Issued(token, now.plus(validFor));
    }

    /** The link's person when the token is unused and not expired. */
    @Transactional(readOnly = true)
    public Optional<Valid> check(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select l.person_id, l.expires_at from password_link l join person p on p.id = l.person_id
                where l.token_hash = ? and l.used_at is null and l.expires_at > ? and p.active""")
                .params(hash(token.trim()), LocalDateTime.now(clock))
                .query((rs, row) -> new Valid(rs.getString(1), rs.getObject(2, LocalDateTime.class))).optional();
    }

    /**
     * Sets the password of the link's person and uses the link up (one statement marks it used, so two
     * requests with the same link cannot both succeed). Refused: a short password, an unknown, used or expired link.
     */
    public String use(String token, String password) {
        Checks.start()
                .require(password != null && password.length() >= MIN_PASSWORD_LENGTH, "The password needs at least "
                        + MIN_PASSWORD_LENGTH + " characters. / 密码至少需要 " + MIN_PASSWORD_LENGTH + " 个字符。")
                .orThrow();
        Valid valid = check(token).orElseThrow(PasswordLinks::refused);
        Checks.start().require(!password.equalsIgnoreCase(valid.personId()),
                "The password cannot be the login name. / 密码不能与登录名相同。").orThrow();
        int used = jdbc.sql("update password_link set used_at = ? where token_hash = ? and used_at is null and expires_at > ?")
                .params(LocalDateTime.now(clock), hash(token.trim()), LocalDateTime.now(clock)).update();
        if (used != 1) {
            throw refused();
        }
        administration.setPassword(valid.personId(), password);
        return valid.personId();
    }

    static ValidationException refused() {
        return new ValidationException("This link is not valid: it was used already, has expired or was replaced by a newer one. "
                + "Ask an administrator for a new link. / 此链接无效：已被使用、已过期或已被新链接取代。请联系管理员获取新链接。");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
