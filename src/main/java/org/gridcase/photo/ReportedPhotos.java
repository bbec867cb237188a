package org.gridcase.photo;

import org.gridcase.casework.CaseOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The photos a resident, an Open311 app or staff upload before reporting belong to the case the report opens.
 * A plain listener on purpose, not an after-commit one: it runs in the opening transaction, so the case and its
 * photos are stored together, and the cleanup never sees a reported photo as unattached.
 */
@Component
class ReportedPhotos {

    private final Photos photos;

    ReportedPhotos(Photos photos) {
        this.photos = photos;
    }

    @EventListener
    void on(CaseOpened opened) {
        if (!opened.photoLinks().isEmpty()) {
            photos.claimReported(opened.caseNumber(), opened.photoLinks(), opened.openedBy());
        }
    }

    /** Likewise the uploads a later step links to the case (PhotosLinked), in that step's transaction. */
    @EventListener
    void on(PhotosLinked linked) {
        if (!linked.links().isEmpty()) {
            photos.claim(linked.caseNumber(), linked.links(), linked.stage(), linked.by());
        }
    }
}
