package org.gridcase.notification;

import java.util.List;

/** Who hears a message on which channels: the routing table's answer for one rendered message. */
public interface NotificationRouting {

    List<Route> routes(Notification notification);
}
