package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** The templates' texts: built in, overridden line by line from a district's own file, re-read when it changes. */
class NotificationTextsTests {

    @TempDir
    Path dir;

    @Test
    void rendersTheBuiltInTextWithItsPlaceholdersFilled() {
        NotificationTexts texts = new NotificationTexts(new DefaultResourceLoader(), "");

        assertThat(texts.render(NotificationTemplate.REPORTER_RECEIVED, Map.of("caseNumber", "TM-1",
                "categoryName", "市政设施", "trackingLink", "https://x/m/cases/TM-1?token=t")))
                .contains("TM-1").contains("https://x/m/cases/TM-1?token=t").doesNotContain("{");
    }

    @Test
    void takesTheDistrictsOwnWordingAndReadsItAgainWhenItChanges() throws IOException {
        Path own = dir.resolve("notification-templates.properties");
        Files.writeString(own, "URGE=【催办】请尽快办理工单 {caseNumber}。\n", StandardCharsets.UTF_8);
        NotificationTexts texts = new NotificationTexts(new DefaultResourceLoader(), "file:" + own);

        assertThat(texts.render(NotificationTemplate.URGE, Map.of("caseNumber", "TM-2")))
                .isEqualTo("【催办】请尽快办理工单 TM-2。");
        // the lines it does not name keep the built-in text
        assertThat(texts.render(NotificationTemplate.LADDER_RED_CARD, Map.of())).startsWith("【红牌】");

        Files.writeString(own, "URGE=【催办】工单 {caseNumber} 待办。\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(own, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(texts.render(NotificationTemplate.URGE, Map.of("caseNumber", "TM-2")))
                .isEqualTo("【催办】工单 TM-2 待办。");
    }

    @Test
    void refusesToStartWithAFileThatIsNotThere() {
        assertThatThrownBy(() -> new NotificationTexts(new DefaultResourceLoader(), "file:" + dir.resolve("none")))
                .hasMessageContaining("templates-location");
    }
}
