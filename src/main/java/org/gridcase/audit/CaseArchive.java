package org.gridcase.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.gridcase.system.ConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The compact archive of a closed case (table case_archive, one row a case): its {@link CaseRecords} as gzip'd
 * JSON, with the SHA-256 of those bytes taken when it was written. A row whose bytes no longer match their digest
 * is never replayed: reading it fails with {@link Altered}, which the integrity check reports. The digest sits in
 * the same row, so it finds a changed or damaged row, not an administrator who rewrites both on purpose.
 */
@Component
class CaseArchive {

    /** Raised for an archive row whose bytes do not match the digest taken when it was written. */
    static class Altered extends ConflictException {

        Altered(String caseNumber) {
            super("工单 " + caseNumber + " 的归档记录已被改动（校验值不符），不予回放，请从备份恢复");
        }
    }

    record Row(String caseNumber, byte[] records, String sha256, Instant archivedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    CaseArchive(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's archived records, when it has been archived; {@link Altered} when its row was changed. */
    Optional<CaseRecords> read(String caseNumber) {
        return row(caseNumber).map(row -> {
            if (!sha256(row.records()).equals(row.sha256())) {
                throw new Altered(caseNumber);
            }
            return decode(row.records());
        });
    }

    Optional<Row> row(String caseNumber) {
        List<Row> rows = jdbc.query("SELECT case_number, records, sha256, archived_at FROM case_archive "
                + "WHERE case_number = ?", (rs, n) -> new Row(rs.getString(1), rs.getBytes(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), caseNumber);
        return rows.stream().findFirst();
    }

    boolean exists(String caseNumber) {
        return !jdbc.queryForList("SELECT 1 FROM case_archive WHERE case_number = ?", Integer.class, caseNumber)
                .isEmpty();
    }

    /** Writes the case's row; answers its size in bytes. */
    int write(String caseNumber, CaseRecords records, Instant at) {
        byte[] bytes = encode(records);
        jdbc.update("INSERT INTO case_archive (case_number, records, bytes, sha256, archived_at) VALUES (?, ?, ?, ?, ?)",
                caseNumber, bytes, bytes.length, sha256(bytes), Timestamp.from(at));
        return bytes.length;
    }

    byte[] encode(CaseRecords records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zipped = new GZIPOutputStream(out)) {
            json.writeValue(zipped, records);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a case's archive", e);
        }
        return out.toByteArray();
    }

    CaseRecords decode(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return json.readValue(in, CaseRecords.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a case's archive", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
