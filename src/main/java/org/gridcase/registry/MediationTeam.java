package org.gridcase.registry;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A mediation team of a community's or a street's people's mediation committee, with its mediators. */
@Entity
@Table(name = "registry_mediation_team")
class MediationTeam {

    @Id
    private String code;

    private String name;

    private String unitCode;

    @Enumerated(EnumType.STRING)
    private MediationSpeciality speciality;

    private boolean active;

    @ElementCollection
    @CollectionTable(name = "registry_mediator", joinColumns = @JoinColumn(name = "team_code"))
    @OrderColumn(name = "seq")
    private List<Member> mediators = new ArrayList<>();

    @Version
    private long version;

    /** A mediator: a person and the role they bring (党员, 社工, 网格员, 志愿者, 律师). */
    @Embeddable
    record Member(@Column(name = "name") String name, @Column(name = "role") String role) {
    }

    protected MediationTeam() {
    }

    MediationTeam(String code) {
        this.code = code;
    }

    void describe(String name, String unitCode, MediationSpeciality speciality, boolean active,
            List<Member> mediators) {
        this.name = name;
        this.unitCode = unitCode;
        this.speciality = speciality;
        this.active = active;
        this.mediators.clear();
        this.mediators.addAll(mediators);
    }

    MediationTeamView view() {
        return new MediationTeamView(code, name, unitCode, speciality, speciality.label(), active,
                mediators.stream().map(m -> new MediationTeamView.Mediator(m.name(), m.role())).toList());
    }
}
