package org.gridcase.notification;

/** The markdown a group robot (WeCom, DingTalk) posts: a title line, the message, the case link. */
final class RobotMessages {

    private RobotMessages() {
    }

    static String title(Delivery delivery) {
        return delivery.caseNumber() == null ? "网格化服务管理通知" : "工单 " + delivery.caseNumber();
    }

    static String markdown(Delivery delivery, CaseLinks links) {
        StringBuilder text = new StringBuilder("### ").append(title(delivery)).append("\n\n").append(delivery.text());
        String link = links.of(delivery.caseNumber());
        if (link != null) {
            text.append("\n\n[查看工单](").append(link).append(")");
        }
        return text.toString();
    }
}
