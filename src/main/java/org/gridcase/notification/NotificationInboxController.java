package org.gridcase.notification;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.gridcase.system.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "站内消息 · In-app messages", description = "The workbench's bell: the caller's and their groups' messages")
@RestController
@RequestMapping("/api/notifications")
class NotificationInboxController {

    private final NotificationInbox inbox;
    private final Callers callers;

    NotificationInboxController(NotificationInbox inbox, Callers callers) {
        this.inbox = inbox;
        this.callers = callers;
    }

    @Operation(summary = "我的站内消息（未读在前，分页） · My in-app messages (unread first, paged)")
    @GetMapping("/inbox")
    InboxPage inbox(
            @RequestParam(name = "page", defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(value = 1, message = "不能小于 1")
            @Max(value = NotificationInbox.MAX_PAGE_SIZE, message = "不能大于 100") int size) {
        return inbox.page(callers.current(), page, size);
    }

    @Operation(summary = "未读消息数 · Number of unread messages")
    @GetMapping("/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", inbox.unread(callers.current()));
    }

    @Operation(summary = "标记为已读 · Mark a message read")
    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable("id") long id) {
        inbox.markRead(callers.current(), id);
    }
}
