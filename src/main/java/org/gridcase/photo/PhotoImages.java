package org.gridcase.photo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import org.apache.tika.Tika;
import org.gridcase.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Turns an upload into the images gridcase serves. The type comes from the bytes (Tika's magic numbers), never
 * from the file name or the type the client claims. The image is decoded and written anew, so nothing of the
 * original file but its pixels survives: no EXIF (GPS position, camera, owner), no XMP, no trailing payload.
 * Thumbnailator turns a JPEG upright by its EXIF orientation while reading it, so the re-encoded image needs no
 * orientation tag. The size in pixels is checked from the header before decoding: a small file can claim a
 * huge image (a decompression bomb).
 */
@Component
class PhotoImages {

    static final String NOT_AN_IMAGE = "不是有效的图片（JPEG 或 PNG）";

    private final Tika tika = new Tika();
    private final PhotoSettings settings;

    PhotoImages(PhotoSettings settings) {
        this.settings = settings;
    }

    /** The served image and its thumbnail, each without metadata. */
    record Prepared(String contentType, byte[] image, int width, int height, byte[] thumbnail) {
    }

    Prepared prepare(byte[] upload) {
        String contentType = tika.detect(upload);
        String format = switch (contentType) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            default -> throw notAnImage();
        };
        checkPixels(upload);
        try {
            ByteArrayOutputStream image = new ByteArrayOutputStream();
            Thumbnails.of(new ByteArrayInputStream(upload)).scale(1.0).outputFormat(format).outputQuality(0.9)
                    .toOutputStream(image);
            byte[] served = image.toByteArray();
            var decoded = ImageIO.read(new ByteArrayInputStream(served));
            if (decoded == null) {
                throw notAnImage();
            }
            int side = settings.thumbnailSize();
            var thumbnail = Thumbnails.of(decoded).outputFormat(format).outputQuality(0.8);
            // never enlarged: a photo smaller than a thumbnail is its own thumbnail
            thumbnail = Math.max(decoded.getWidth(), decoded.getHeight()) > side
                    ? thumbnail.size(side, side) : thumbnail.scale(1.0);
            ByteArrayOutputStream small = new ByteArrayOutputStream();
            thumbnail.toOutputStream(small);
            return new Prepared(contentType, served, decoded.getWidth(), decoded.getHeight(), small.toByteArray());
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof InvalidRequestException invalid) {
                throw invalid;
            }
            // a truncated or corrupt file, a CMYK JPEG that ImageIO cannot read: to the sender it is not an image
            throw notAnImage();
        }
    }

    private void checkPixels(byte[] upload) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > settings.maxPixels()) {
                    throw new InvalidRequestException("file", "图片像素过多，不能超过 " + settings.maxPixels() / 1_000_000
                            + " 百万像素");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException unreadable) {
            throw notAnImage();
        }
    }

    private static InvalidRequestException notAnImage() {
        return new InvalidRequestException("file", NOT_AN_IMAGE);
    }
}
