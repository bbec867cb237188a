package org.gridcase.photo;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.gridcase.system.ConflictException;
import org.gridcase.system.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stores uploads, serves their images and attaches them to cases. Callers check who may see which case. */
@Service
class Photos {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String THUMBNAIL = "-thumb";
    /** The step a photo sent with the report shows, beside staff's 处置前/处置后/核查. */
    static final String REPORTED = "反映时";

    private final PhotoRepository photos;
    private final PhotoStore store;
    private final PhotoImages images;

    Photos(PhotoRepository photos, PhotoStore store, PhotoImages images) {
        this.photos = photos;
        this.store = store;
        this.images = images;
    }

    record Image(byte[] bytes, String contentType) {
    }

    /** Re-encodes and stores the upload; {@code uploadedBy} is null for a resident without an account. */
    @Transactional
    public Photo upload(byte[] upload, String uploadedBy) {
        PhotoImages.Prepared prepared = images.prepare(upload);
        String id = newId();
        store.put(id, prepared.image(), prepared.contentType());
        store.put(id + THUMBNAIL, prepared.thumbnail(), prepared.contentType());
        try {
            return photos.save(new Photo(id, prepared.contentType(), prepared.image().length, prepared.width(),
                    prepared.height(), Instant.now(), uploadedBy));
        } catch (RuntimeException notRecorded) {
            // an image nobody can find by its row is only litter
            store.delete(id);
            store.delete(id + THUMBNAIL);
            throw notRecorded;
        }
    }

    @Transactional(readOnly = true)
    public Optional<Image> image(String id, boolean thumbnail) {
        return photos.findById(id).flatMap(photo -> store.get(thumbnail ? id + THUMBNAIL : id)
                .map(bytes -> new Image(bytes, photo.contentType())));
    }

    /** Attaches the photos to the case, all or none; one already attached to it gets the new stage. */
    @Transactional
    public List<Photo> attach(String caseNumber, List<String> ids, String stage, String by) {
        Instant now = Instant.now();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (photos.attach(id, caseNumber, stage, by, now) == 0) {
                if (!photos.existsById(id)) {
                    throw new InvalidRequestException("photoIds[" + i + "]", "照片不存在：" + id);
                }
                throw new ConflictException("照片 " + id + " 已属于另一工单");
            }
        }
        return ofCase(caseNumber);
    }

    /**
     * The uploads a new case's report links to (its photoLinks, an Open311 media_url) become the case's photos,
     * as if staff had attached them at the report. Links to other servers, and uploads another case already has,
     * are left as they are: the report itself was valid.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int claimReported(String caseNumber, List<String> links, String by) {
        return claim(caseNumber, links, REPORTED, by);
    }

    /** The uploads among the links become the case's photos at this stage, unless a case already has them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int claim(String caseNumber, List<String> links, String stage, String by) {
        Instant now = Instant.now();
        return links.stream().map(PhotoLinks::idOf).flatMap(Optional::stream).distinct()
                .mapToInt(id -> photos.claim(id, caseNumber, stage, by, now)).sum();
    }

    @Transactional(readOnly = true)
    public List<Photo> ofCase(String caseNumber) {
        return photos.findByCaseNumberOrderByAttachedAtAscIdAsc(caseNumber);
    }

    /** 128 random bits, base64url without padding: 22 characters that nobody can guess. */
    static String newId() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
