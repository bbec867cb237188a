package org.gridcase.photo;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes uploads that no case claimed within {@code gridcase.photos.cleanup.unattached-for}: their rows and
 * their images in the store. Every node runs it, with no lock between them: each row is deleted by a statement
 * that deletes nothing when another node was first or a case claimed the photo meanwhile, and only the node whose
 * delete removed the row deletes the images (deleting an absent image is no error in either store). The row goes
 * first, in its own transaction: a crash between the two leaves an image nobody can reach, never a case photo
 * without its image.
 */
@Component
// Spring's scheduler is off unless some configuration turns it on; a second @EnableScheduling elsewhere is harmless
@EnableScheduling
class UnattachedPhotoCleanup {

    private static final Logger log = LoggerFactory.getLogger(UnattachedPhotoCleanup.class);
    private static final int BATCH = 200;

    private final PhotoRepository photos;
    private final PhotoStore store;
    private final PhotoCleanupSettings settings;
    private final TransactionTemplate transaction;

    UnattachedPhotoCleanup(PhotoRepository photos, PhotoStore store, PhotoCleanupSettings settings,
            PlatformTransactionManager transactions) {
        this.photos = photos;
        this.store = store;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(initialDelayString = "${gridcase.photos.cleanup.every}",
            fixedDelayString = "${gridcase.photos.cleanup.every}")
    void run() {
        try {
            int deleted = deleteUnattached(Instant.now().minus(settings.unattachedFor()));
            if (deleted > 0) {
                log.info("Deleted {} photos no case claimed within {}", deleted, settings.unattachedFor());
            }
        } catch (RuntimeException failed) {
            // the next run tries again; what was deleted stays deleted
            log.warn("Photo cleanup failed", failed);
        }
    }

    /** Deletes the unattached uploads made before {@code before}; answers how many this call deleted. */
    int deleteUnattached(Instant before) {
        int deleted = 0;
        while (true) {
            var ids = photos.unattachedBefore(before, Limit.of(BATCH));
            int deletedNow = 0;
            for (String id : ids) {
                Integer rows = transaction.execute(status -> photos.deleteUnattached(id, before));
                if (rows != null && rows == 1) {
                    store.delete(id);
                    store.delete(id + Photos.THUMBNAIL);
                    deletedNow++;
                }
            }
            deleted += deletedNow;
            // a batch another node emptied first makes no progress here: stop rather than spin
            if (ids.size() < BATCH || deletedNow == 0) {
                return deleted;
            }
        }
    }
}
