package org.gridcase.photo;

import java.time.Instant;

/** A photo of a case as staff list it: where to fetch it, its size in pixels, the step it shows, who added it. */
public record CasePhoto(String id, String url, String thumbnailUrl, String contentType, int width, int height,
        String stage, String uploadedBy, String attachedBy, Instant attachedAt) {
}
