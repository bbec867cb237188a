package org.gridcase.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A node of the category catalogue: a top-level area (市政设施) or a category under it (井盖缺失). */
@Entity
@Table(name = "registry_category")
class Category {

    @Id
    private String code;

    private String name;

    private String parentCode;

    @Enumerated(EnumType.STRING)
    private Urgency defaultUrgency;

    @Version
    private long version;

    protected Category() {
    }

    Category(String code, String parentCode) {
        this.code = code;
        this.parentCode = parentCode;
    }

    void describe(String name, Urgency defaultUrgency) {
        this.name = name;
        this.defaultUrgency = defaultUrgency;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    String parentCode() {
        return parentCode;
    }

    CategoryView view(String parentName) {
        String path = parentName == null ? name : parentName + "/" + name;
        return new CategoryView(code, name, path, parentCode, defaultUrgency);
    }
}
