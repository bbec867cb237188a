package org.gridcase.photo;

import java.util.Optional;

/**
 * Where the images of photos are kept, by key ({@code id} for the photo, {@code id-thumb} for its thumbnail):
 * the port with a folder and an S3-compatible bucket as adapters. Only re-encoded images (no metadata) are put.
 */
public interface PhotoStore {

    void put(String key, byte[] image, String contentType);

    Optional<byte[]> get(String key);

    void delete(String key);
}
