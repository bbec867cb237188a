package org.gridcase.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.gridcase.system.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PhotoImagesTests {

    final PhotoImages images = new PhotoImages(new PhotoSettings(PhotoSettings.Store.FILESYSTEM, Path.of("unused"),
            DataSize.ofMegabytes(10), 320, 50_000_000, null));

    @Test
    void writesTheJpegAnewWithoutItsExif() {
        byte[] original = TestImages.jpegWithGps(640, 480);

        PhotoImages.Prepared prepared = images.prepare(original);

        assertThat(prepared.contentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.metadata(prepared.image()).getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(TestImages.metadata(prepared.image()).getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(prepared.width()).isEqualTo(640);
        assertThat(TestImages.decode(prepared.thumbnail()).getWidth()).isEqualTo(320);
    }

    @Test
    void turnsAPhotoUprightByItsExifOrientation() throws Exception {
        // a phone held upright writes the sensor's 400 x 300 and "rotate 90° clockwise to view" (6)
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
        ByteArrayOutputStream rotated = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(TestImages.encode(TestImages.picture(400, 300), "jpg"),
                rotated, exif);

        PhotoImages.Prepared prepared = images.prepare(rotated.toByteArray());

        assertThat(prepared.width()).isEqualTo(300);
        assertThat(prepared.height()).isEqualTo(400);
        assertThat(TestImages.decode(prepared.image()).getHeight()).isEqualTo(400);
    }

    @Test
    void keepsASmallPhotoAsItsOwnThumbnail() {
        PhotoImages.Prepared prepared = images.prepare(TestImages.png(100, 50));

        assertThat(prepared.contentType()).isEqualTo("image/png");
        assertThat(TestImages.decode(prepared.thumbnail()).getWidth()).isEqualTo(100);
    }

    @Test
    void refusesWhatIsNotAJpegOrPng() {
        assertThatThrownBy(() -> images.prepare("GIF89a not really".getBytes()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("file: 不是有效的图片（JPEG 或 PNG）");
        assertThatThrownBy(() -> images.prepare(TestImages.encode(TestImages.picture(10, 10), "gif")))
                .isInstanceOf(InvalidRequestException.class).hasMessage("file: 不是有效的图片（JPEG 或 PNG）");
        assertThatThrownBy(() -> images.prepare(new byte[0]))
                .isInstanceOf(InvalidRequestException.class).hasMessage("file: 不是有效的图片（JPEG 或 PNG）");
    }

    @Test
    void refusesAnImageOfTooManyPixelsBeforeDecodingIt() {
        var strict = new PhotoImages(new PhotoSettings(PhotoSettings.Store.FILESYSTEM, Path.of("unused"),
                DataSize.ofMegabytes(10), 320, 1_000_000, null));

        assertThatThrownBy(() -> strict.prepare(TestImages.png(1001, 1000)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("像素过多");
    }
}
