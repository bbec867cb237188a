package org.gridcase.photo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhotoLinksTests {

    static final String ID = "AbCdEfGhIjKlMnOpQrSt_-";

    @Test
    void findsThePhotoInALinkToOneOfGridcasesImages() {
        assertThat(PhotoLinks.idOf("http://localhost:8080/photos/" + ID)).hasValue(ID);
        assertThat(PhotoLinks.idOf("https://gridcase.lianhu.gov.cn/app/photos/" + ID)).hasValue(ID);
    }

    @Test
    void ignoresOtherLinks() {
        assertThat(PhotoLinks.idOf("https://example.org/photos/stairwell.jpg")).isEmpty();
        assertThat(PhotoLinks.idOf("http://localhost/photos/" + ID + "/thumb")).isEmpty();
        assertThat(PhotoLinks.idOf("http://localhost/photos/" + ID + "?size=big")).isEmpty();
        assertThat(PhotoLinks.idOf("http://localhost/pictures/" + ID)).isEmpty();
        assertThat(PhotoLinks.idOf("http://localhost/photos/" + ID.substring(1))).isEmpty();
        assertThat(PhotoLinks.idOf("not a link at all")).isEmpty();
        assertThat(PhotoLinks.idOf(null)).isEmpty();
    }
}
