package org.gridcase.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/** Without a Chinese font the report is refused with a message that says how to get one, not printed blank. */
class CaseReportPdfTests {

    @Test
    void refusesWithAClearMessageWhenNoFontCanBeRead() {
        CaseReportPdf report = new CaseReportPdf(null, null, List.of(new File("/nonexistent/font.ttf")),
                ZoneId.of("Asia/Shanghai"));

        assertThatThrownBy(() -> report.render("LH-20251009-0001"))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("/nonexistent/font.ttf")
                .hasMessageContaining("fonts-droid-fallback");
    }
}
