package org.gridcase.photo;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What gridcase knows of one uploaded photo; the image itself is in the {@link PhotoStore}. */
@Entity
@Table(name = "photo")
class Photo {

    @Id
    private String id;

    private String contentType;
    private long size;
    private int width;
    private int height;
    private Instant createdAt;
    private String uploadedBy;
    private String caseNumber;
    private String stage;
    private String attachedBy;
    private Instant attachedAt;

    protected Photo() {
    }

    Photo(String id, String contentType, long size, int width, int height, Instant createdAt, String uploadedBy) {
        this.id = id;
        this.contentType = contentType;
        this.size = size;
        this.width = width;
        this.height = height;
        this.createdAt = createdAt;
        this.uploadedBy = uploadedBy;
    }

    String id() {
        return id;
    }

    String contentType() {
        return contentType;
    }

    String caseNumber() {
        return caseNumber;
    }

    CasePhoto view(PhotoLinks links) {
        return new CasePhoto(id, links.image(id), links.thumbnail(id), contentType, width, height, stage,
                uploadedBy, attachedBy, attachedAt);
    }
}
