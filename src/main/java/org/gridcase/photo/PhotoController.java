package org.gridcase.photo;

import java.io.IOException;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridcase.security.UploadThrottle;
import org.gridcase.system.Callers;
import org.gridcase.system.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading a photo (residents without an account, staff with one) and fetching it by its id. The id is the
 * only secret: 128 random bits, so the images need no login and can be cached by anyone for a year (an id never
 * names another image).
 */
@Tag(name = "照片 · Photos")
@RestController
class PhotoController {

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final Photos photos;
    private final PhotoLinks links;
    private final PhotoSettings settings;
    private final UploadThrottle throttle;
    private final Callers callers;

    PhotoController(Photos photos, PhotoLinks links, PhotoSettings settings, UploadThrottle throttle,
            Callers callers) {
        this.photos = photos;
        this.links = links;
        this.settings = settings;
        this.throttle = throttle;
        this.callers = callers;
    }

    record Uploaded(String id, String url, String thumbnailUrl) {
    }

    @Operation(summary = "上传照片（JPEG 或 PNG，去除位置等元数据） · Upload a photo (JPEG or PNG, metadata removed)")
    @PostMapping(path = "/api/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Uploaded upload(@RequestPart("file") MultipartFile file) throws IOException {
        throttle.admit();
        if (file.getSize() > settings.maxSize().toBytes()) {
            throw new PhotoTooLarge(settings.maxSize());
        }
        Photo photo = photos.upload(file.getBytes(), callers.current().userId());
        return new Uploaded(photo.id(), links.image(photo.id()), links.thumbnail(photo.id()));
    }

    @Operation(summary = "查看照片 · Fetch a photo")
    @GetMapping("/photos/{id}")
    ResponseEntity<byte[]> image(@PathVariable("id") String id) {
        return serve(id, false);
    }

    @Operation(summary = "查看照片缩略图 · Fetch a photo's thumbnail")
    @GetMapping("/photos/{id}/thumb")
    ResponseEntity<byte[]> thumbnail(@PathVariable("id") String id) {
        return serve(id, true);
    }

    private ResponseEntity<byte[]> serve(String id, boolean thumbnail) {
        Photos.Image image = photos.image(id, thumbnail).orElseThrow(() -> new NotFoundException("照片不存在"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(FOREVER)
                .header("X-Content-Type-Options", "nosniff")
                .body(image.bytes());
    }
}
