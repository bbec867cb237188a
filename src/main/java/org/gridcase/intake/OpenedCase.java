package org.gridcase.intake;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a new report: the case number and where the reporter can follow it. */
record OpenedCase(
        @Schema(description = "工单编号：街道前缀-受理日期-当日序号 · case number", example = "TM-20251009-0042",
                pattern = "^[A-Z0-9]{1,6}-\\d{8}-\\d{4,}$")
        String caseNumber,
        @Schema(description = "状态 · status", example = "RECEIVED")
        String status,
        @Schema(description = "状态（中文） · status in Chinese", example = "已受理")
        String statusLabel,
        @Schema(description = "反映人的跟踪链接 · the reporter's tracking link",
                example = "http://localhost:8080/api/cases/TM-20251009-0042?token=q3Jx0bV7mZ2kR9sT4wYc1aNe")
        String trackingUrl,
        @Schema(description = "反映人的跟踪页面（手机网页） · the tracking page for the reporter's phone",
                example = "http://localhost:8080/m/cases/TM-20251009-0042?token=q3Jx0bV7mZ2kR9sT4wYc1aNe")
        String trackingPage) {
}
