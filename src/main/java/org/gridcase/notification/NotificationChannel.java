package org.gridcase.notification;

/** The port through which messages leave gridcase. Adapters: stored (this module), later SMS and others. */
public interface NotificationChannel {

    void send(Notification notification);
}
