package org.gridcase.registry;

import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the notification module reaches the registry's people: a unit's or a department's duty group robots, and
 * the DingTalk signing secret that belongs to a robot's URL (the channel signs with it; it is never shown).
 */
@Service
@Transactional(readOnly = true)
public class NotificationContacts {

    /** A duty group's robots: either URL may be null. */
    public record Robots(String wecomWebhook, String dingtalkWebhook) {

        static final Robots NONE = new Robots(null, null);
    }

    private final UnitRepository units;
    private final DepartmentRepository departments;

    NotificationContacts(UnitRepository units, DepartmentRepository departments) {
        this.units = units;
        this.departments = departments;
    }

    public Robots ofUnit(String code) {
        return units.findById(code).map(Unit::robots).map(NotificationContacts::robots).orElse(Robots.NONE);
    }

    public Robots ofDepartment(String code) {
        return departments.findById(code).map(Department::robots).map(NotificationContacts::robots)
                .orElse(Robots.NONE);
    }

    /** The secret of the DingTalk robot at this URL (加签), if one is set. */
    public Optional<String> dingtalkSecret(String webhookUrl) {
        return Stream.concat(units.findAll().stream().map(Unit::robots),
                        departments.findAll().stream().map(Department::robots))
                .filter(robots -> webhookUrl.equals(robots.dingtalkWebhook()) && robots.dingtalkSecret() != null)
                .map(DutyRobots::dingtalkSecret)
                .findFirst();
    }

    private static Robots robots(DutyRobots robots) {
        return new Robots(robots.wecomWebhook(), robots.dingtalkWebhook());
    }
}
