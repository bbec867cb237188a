/**
 * Messages to reporters, departments and streets. The process's delegates call {@link
 * org.gridcase.notification.Notifications}, which renders a Chinese template and hands the text to a
 * {@link org.gridcase.notification.NotificationChannel}: today the channel that stores and logs each message;
 * SMS or a government messaging app would be further adapters of the same port.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.gridcase.notification;
