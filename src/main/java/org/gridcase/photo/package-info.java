/**
 * Photos of cases: residents and staff upload an image ({@code POST /api/photos}), which is checked by its bytes
 * (JPEG or PNG), re-encoded so that no metadata (EXIF GPS) survives, thumbnailed once, and kept in a
 * {@link org.gridcase.photo.PhotoStore} (a folder or an S3-compatible bucket); anyone with its unguessable id may
 * fetch it ({@code /photos/{id}}). Staff who work on a case attach photos to it, step by step (处置前/处置后).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Photos")
package org.gridcase.photo;
