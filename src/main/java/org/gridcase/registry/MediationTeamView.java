package org.gridcase.registry;

import java.util.List;

/** A mediation team as the API shows it. */
public record MediationTeamView(String code, String name, String unitCode, MediationSpeciality speciality,
        String specialityLabel, boolean active, List<Mediator> mediators) {

    public record Mediator(String name, String role) {
    }
}
