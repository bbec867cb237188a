package org.gridcase.photo;

import org.springframework.util.unit.DataSize;

/** An upload over {@code gridcase.photos.max-size}: answered 413 naming the field {@code file}. */
class PhotoTooLarge extends RuntimeException {

    PhotoTooLarge(DataSize limit) {
        super(message(limit));
    }

    static String message(DataSize limit) {
        return "文件过大，不能超过 " + Math.max(1, limit.toMegabytes()) + " MB";
    }
}
