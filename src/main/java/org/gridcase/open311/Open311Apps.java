package org.gridcase.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.gridcase.system.ConflictException;
import org.gridcase.system.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The apps allowed to report, and their keys. A key is 32 random bytes; the table keeps only its SHA-256, so a
 * copy of the database gives nobody a working key, and a key is found by its hash in one indexed lookup.
 */
@Service
class Open311Apps {

    /** An app as the administrators see it: never its key. */
    record App(String id, String name, Instant createdAt, String createdBy) {
    }

    /** An app just created, with its key: the one time the key is shown. */
    record IssuedApp(String id, String name, String apiKey, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    Open311Apps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    IssuedApp create(String id, String name, String createdBy) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        try {
            jdbc.update("INSERT INTO open311_app (app_id, name, key_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                    id, name, hash(key), now.atOffset(ZoneOffset.UTC), createdBy);
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("应用编号 " + id + " 已存在");
        }
        return new IssuedApp(id, name, key, now);
    }

    List<App> list() {
        return jdbc.query("SELECT app_id, name, created_at, created_by FROM open311_app ORDER BY app_id",
                (row, n) -> new App(row.getString("app_id"), row.getString("name"),
                        row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getString("created_by")));
    }

    /** Revokes the app's key: its reports stay cases, it can send no more. */
    void delete(String id) {
        if (jdbc.update("DELETE FROM open311_app WHERE app_id = ?", id) == 0) {
            throw new NotFoundException("应用 " + id + " 不存在");
        }
    }

    /** The app whose key this is. */
    Optional<String> appOf(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT app_id FROM open311_app WHERE key_hash = ?", String.class, hash(apiKey))
                .stream().findFirst();
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
