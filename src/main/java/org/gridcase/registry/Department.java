package org.gridcase.registry;

import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A department or outside body that a street can summon, with the categories it answers for. */
@Entity
@Table(name = "registry_department")
class Department {

    @Id
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private DepartmentKind kind;

    private String phone;

    // only an outside body has one (物业公司, 公交公司, ...)
    @Enumerated(EnumType.STRING)
    private OutsideBodyKind bodyKind;

    // an inactive party is offered for no new summons, invitation or commitment; the cases it was on keep it
    private boolean active = true;

    @ElementCollection
    @CollectionTable(name = "registry_department_category", joinColumns = @JoinColumn(name = "department_code"))
    @Column(name = "category_code")
    private Set<String> categories = new TreeSet<>();

    @Embedded
    private DutyRobots robots = new DutyRobots();

    @Version
    private long version;

    protected Department() {
    }

    Department(String code) {
        this.code = code;
    }

    void describe(String name, DepartmentKind kind, OutsideBodyKind bodyKind, String phone, Set<String> categories) {
        this.name = name;
        this.kind = kind;
        this.bodyKind = kind == DepartmentKind.OUTSIDE_BODY
                ? bodyKind != null ? bodyKind : this.bodyKind != null ? this.bodyKind : OutsideBodyKind.OTHER
                : null;
        this.phone = phone;
        this.categories.clear();
        this.categories.addAll(categories);
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    void activate(boolean active) {
        this.active = active;
    }

    DutyRobots robots() {
        if (robots == null) { // Hibernate leaves an embeddable whose columns are all null as null
            robots = new DutyRobots();
        }
        return robots;
    }

    DepartmentView view() {
        OutsideBodyKind sort = kind == DepartmentKind.OUTSIDE_BODY && bodyKind == null ? OutsideBodyKind.OTHER
                : bodyKind; // a row written before V47 by hand, or by a script that does not know the column
        return new DepartmentView(code, name, kind, kind.label(), sort, sort == null ? null : sort.label(), active,
                phone, new TreeSet<>(categories), robots().view());
    }
}
