/**
 * Messages to reporters, departments and streets. The process's delegates call {@link
 * org.gridcase.notification.Notifications}, which renders a Chinese template, stores the message and asks the
 * {@link org.gridcase.notification.NotificationRouting} for its routes; each route becomes a delivery (an outbox
 * row) and an engine job, in the caller's transaction. The job sends through the route's channel adapter (the
 * package-private {@code DeliveryChannel} port: log, in-app, Aliyun SMS, an intranet SMS gateway, WeCom and DingTalk
 * robots, email, signed webhooks), retries with back-off, and ends SENT or FAILED; administrators resend
 * ({@code /api/admin/notifications}). {@link org.gridcase.notification.NotificationLog} tells what was said about a
 * case and how each message left.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.gridcase.notification;
