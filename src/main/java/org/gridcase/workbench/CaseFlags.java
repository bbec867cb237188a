package org.gridcase.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.LadderRung;
import org.gridcase.registry.Urgency;

/** The badges a case shows in the list and on its page: what needs attention, in Chinese. */
final class CaseFlags {

    /** A badge: its key (the list's flag, where there is one), its text and its colour. */
    record Badge(String key, String label, String tone) {
    }

    private CaseFlags() {
    }

    static List<Badge> of(CaseDetails c, Instant deadline, Instant nearDueLimit, Instant now) {
        List<Badge> badges = new ArrayList<>();
        boolean open = c.status() != CaseStatus.CLOSED;
        if (c.urgency() == Urgency.EMERGENCY) {
            badges.add(new Badge("EMERGENCY", "应急", "red"));
        }
        if (open && deadline != null && deadline.isBefore(now)) {
            badges.add(new Badge("OVERDUE", "已超时", "red"));
        } else if (open && deadline != null && !deadline.isAfter(nearDueLimit)) {
            badges.add(new Badge("NEAR_DUE", "即将超时", "orange"));
        }
        if (c.departments().stream().anyMatch(CaseDetails.Department::late)) {
            badges.add(new Badge("LATE_CHECK_IN", "报到超时", "orange"));
        }
        if (c.escalations().stream().anyMatch(e -> e.rung() == LadderRung.RED_CARD)) {
            badges.add(new Badge("ESCALATED", "红牌", "red"));
        } else if (c.escalations().stream().anyMatch(e -> e.rung() == LadderRung.ESCALATION)) {
            badges.add(new Badge("ESCALATED", "已升级", "orange"));
        }
        if (c.reopenCount() > 0) {
            badges.add(new Badge("REOPENED", "重办 " + c.reopenCount() + " 次", "blue"));
        }
        if (c.returnCount() > 0) {
            badges.add(new Badge("RETURNED", "退单 " + c.returnCount() + " 次", "blue"));
        }
        if (c.extensionCount() > 0) {
            badges.add(new Badge("EXTENDED", "已延期", "grey"));
        }
        return badges;
    }
}
