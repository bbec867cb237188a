package org.gridcase.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PhotoOriginsTests {

    static final String OWN = "https://gridcase.lianhu.gov.cn";

    final PhotoOrigins photos = new PhotoOrigins(List.of("https://SSP.Xa.gov.cn", " http://10.1.2.3:8081 "));

    @Test
    void showsPicturesOfGridcaseItselfAndOfTheTrustedServersOnly() {
        List<String> links = List.of("https://gridcase.lianhu.gov.cn/photos/1.jpg", "https://ssp.xa.gov.cn:443/a.jpg",
                "http://10.1.2.3:8081/b.png", "http://10.1.2.3/b.png", "https://ssp.xa.gov.cn.evil.example/c.jpg",
                "https://evil.example/?u=https://ssp.xa.gov.cn/", "javascript:alert(1)", "not a link");

        assertThat(photos.pictures(links, OWN)).containsExactly("https://gridcase.lianhu.gov.cn/photos/1.jpg",
                "https://ssp.xa.gov.cn:443/a.jpg", "http://10.1.2.3:8081/b.png");
    }

    @Test
    void admitsTheTrustedServersInThePagesPolicy() {
        assertThat(photos.policySources()).isEqualTo(" http://10.1.2.3:8081 https://ssp.xa.gov.cn");
        assertThat(new PhotoOrigins(List.of()).policySources()).isEmpty();
        assertThat(new WorkbenchPageHeaders("", photos).policy())
                .contains("img-src 'self' data: http://10.1.2.3:8081 https://ssp.xa.gov.cn;");
    }

    @Test
    void refusesAConfiguredOriginThatIsNotOne() {
        assertThatThrownBy(() -> new PhotoOrigins(List.of("ssp.xa.gov.cn"))).hasMessageContaining("photo-origins");
    }
}
