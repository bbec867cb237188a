package org.gridcase.notification;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcase.system.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** For administrators (everything under /api/admin is theirs): the channels' figures, the deliveries, resending. */
@Tag(name = "管理 · Administration")
@RestController
@RequestMapping("/api/admin/notifications")
class DeliveryAdminController {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED");

    private final DeliveryAdministration administration;

    DeliveryAdminController(DeliveryAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "各通知渠道的发送情况 · Per channel: sent, failed, pending, median delay (last 7 days)")
    @GetMapping("/channels")
    List<DeliveryAdministration.ChannelStatus> channels() {
        return administration.channels();
    }

    @Operation(summary = "最近的投递（可按状态筛选，最多 200 条） · The latest deliveries, by status")
    @GetMapping("/deliveries")
    List<DeliveryAdministration.DeliveryRow> deliveries(@RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "limit", defaultValue = "200") String limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequestException("status", "只能是 PENDING（待发送）、SENT（已送达）或 FAILED（失败）");
        }
        int size;
        try {
            size = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > 200) {
            throw new InvalidRequestException("limit", "必须是 1 到 200 之间的整数");
        }
        return administration.deliveries(status, size);
    }

    @Operation(summary = "重发一条发送失败的投递 · Resend a FAILED delivery (409 for any other)")
    @PostMapping("/deliveries/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resend(@PathVariable("id") String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("id", "必须是投递编号（整数）");
        }
        administration.resend(number);
    }
}
