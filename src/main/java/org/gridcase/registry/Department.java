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

    void describe(String name, DepartmentKind kind, String phone, Set<String> categories) {
        this.name = name;
        this.kind = kind;
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

    DutyRobots robots() {
        if (robots == null) { // Hibernate leaves an embeddable whose columns are all null as null
            robots = new DutyRobots();
        }
        return robots;
    }

    DepartmentView view() {
        return new DepartmentView(code, name, kind, kind.label(), phone, new TreeSet<>(categories), robots().view());
    }
}
