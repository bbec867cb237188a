package org.gridcase.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.system.Caller;
import org.gridcase.system.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bell: the messages to a member of staff ({@code user:<id>}) and to their Camunda groups ({@code group:<id>}),
 * read marks per person. Scoped here and nowhere else: a message addressed to a group the caller is not in does not
 * exist for them (404), so nobody reads another unit's messages.
 */
@Service
@Transactional(readOnly = true)
public class NotificationInbox {

    static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final ProcessEngineConfigurationImpl engine;

    NotificationInbox(JdbcClient jdbc, ProcessEngineConfigurationImpl engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    public InboxPage page(Caller caller, int page, int size) {
        List<String> recipients = recipientsOf(caller);
        Map<String, String> names = groupNames(caller);
        List<InboxMessage> messages = jdbc.sql("""
                        SELECT m.id, m.recipient, m.case_number, m.template, m.text, m.sent_at, r.read_at
                        FROM notification_message m
                        LEFT JOIN notification_read r ON r.message_id = m.id AND r.user_id = :user
                        WHERE m.recipient IN (:recipients)
                        ORDER BY CASE WHEN r.read_at IS NULL THEN 0 ELSE 1 END, m.id DESC
                        LIMIT :limit OFFSET :offset""")
                .param("user", caller.userId())
                .param("recipients", recipients)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((row, n) -> new InboxMessage(row.getLong("id"), row.getString("recipient"),
                        names.getOrDefault(row.getString("recipient"), "我"), row.getString("case_number"),
                        row.getString("template"), row.getString("text"), instant(row.getTimestamp("sent_at")),
                        instant(row.getTimestamp("read_at"))))
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE recipient IN (:recipients)")
                .param("recipients", recipients).query(Long.class).single();
        return new InboxPage(messages, page, size, total, unread(caller));
    }

    public long unread(Caller caller) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM notification_message m
                        WHERE m.recipient IN (:recipients)
                        AND NOT EXISTS (SELECT 1 FROM notification_read r
                                        WHERE r.message_id = m.id AND r.user_id = :user)""")
                .param("recipients", recipientsOf(caller)).param("user", caller.userId())
                .query(Long.class).single();
    }

    /** Marks a message read for the caller; reading it twice keeps the first time. */
    @Transactional
    public void markRead(Caller caller, long id) {
        long mine = jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE id = :id AND recipient IN (:recipients)")
                .param("id", id).param("recipients", recipientsOf(caller)).query(Long.class).single();
        if (mine == 0) {
            throw new NotFoundException("消息 " + id + " 不存在");
        }
        try {
            jdbc.sql("""
                            INSERT INTO notification_read (message_id, user_id, read_at)
                            SELECT :id, :user, :now WHERE NOT EXISTS
                            (SELECT 1 FROM notification_read WHERE message_id = :id AND user_id = :user)""")
                    .param("id", id).param("user", caller.userId())
                    .param("now", Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
                    .update();
        } catch (DuplicateKeyException readAtTheSameTime) {
            // two tabs marked it at once: it is read, which is all that was asked
        }
    }

    private static List<String> recipientsOf(Caller caller) {
        List<String> recipients = new ArrayList<>();
        recipients.add(Recipient.user(caller.userId()).toString());
        caller.groups().stream().sorted().map(group -> Recipient.group(group).toString()).forEach(recipients::add);
        return recipients;
    }

    /** The caller's groups by their Chinese names (测试街道, 城管局), which the caller may not be allowed to read. */
    private Map<String, String> groupNames(Caller caller) {
        if (caller.groups().isEmpty()) {
            return Map.of();
        }
        List<Group> groups = engine.getCommandExecutorTxRequired().execute(context ->
                NotificationAddresses.withoutAuthorization(context, () -> context.getReadOnlyIdentityProvider()
                        .createGroupQuery(context).groupIdIn(caller.groups().toArray(String[]::new)).list()));
        return groups.stream().collect(Collectors.toMap(group -> Recipient.group(group.getId()).toString(),
                group -> group.getName() == null ? group.getId() : group.getName()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
