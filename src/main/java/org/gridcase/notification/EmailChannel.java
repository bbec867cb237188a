package org.gridcase.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP (Spring Mail: the server in {@code spring.mail.*}), to the address the route names, from
 * {@code gridcase.notification.email.from}. The delivery's key goes along as {@code X-Gridcase-Delivery}.
 */
@Component
@ConditionalOnProperty(prefix = "gridcase.notification.email", name = "enabled", havingValue = "true")
class EmailChannel implements DeliveryChannel {

    static final String ID = "email";

    private final JavaMailSender mail;
    private final CaseLinks links;
    private final String from;

    EmailChannel(JavaMailSender mail, CaseLinks links, @Value("${gridcase.notification.email.from}") String from) {
        this.mail = mail;
        this.links = links;
        this.from = from;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void deliver(Delivery delivery) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(delivery.address());
            helper.setSubject("【网格化服务管理】" + RobotMessages.title(delivery));
            String link = links.of(delivery.caseNumber());
            helper.setText(delivery.text() + (link == null ? "" : "\n\n查看工单：" + link));
            message.setHeader("X-Gridcase-Delivery", delivery.idempotencyKey());
            mail.send(message);
        } catch (MessagingException e) {
            throw new DeliveryFailure("邮件无法生成：" + e.getMessage());
        } catch (MailException e) {
            throw new DeliveryFailure("邮件服务器未接收：" + (e.getMostSpecificCause().getMessage() == null ? "无法连接"
                    : e.getMostSpecificCause().getMessage()));
        }
    }
}
