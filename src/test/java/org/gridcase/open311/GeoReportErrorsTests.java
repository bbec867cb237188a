package org.gridcase.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.gridcase.system.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** Failures that the HTTP tests cannot provoke cheaply, in the specification's error shape. */
class GeoReportErrorsTests {

    final GeoReportErrors errors = new GeoReportErrors(new GeoReportDocuments());

    @Test
    void aThrottledAppGets400WithCode429AndWhenToRetry() {
        ResponseEntity<byte[]> answer = errors.throttled(
                new TooManyRequestsException("该应用提交的诉求过多，请 5 分钟后再试", Duration.ofMinutes(5)),
                new MockHttpServletRequest("POST", "/open311/v2/requests.json"));

        // the specification knows 400, 403 and 404; the body's code may be more specific
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("300");
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("[{\"code\":429,\"description\":\"该应用提交的诉求过多，请 5 分钟后再试\"}]");
    }

    @Test
    void anUnexpectedFailureIsA400WithoutInternals() {
        ResponseEntity<byte[]> answer = errors.failed(new IllegalStateException("org.postgresql.util.PSQLException"),
                new MockHttpServletRequest("GET", "/open311/v2/requests.xml"));

        String body = new String(answer.getBody(), StandardCharsets.UTF_8);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("text/xml;charset=utf-8");
        assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>400</code>")
                .doesNotContain("PSQL").doesNotContain("Exception");
    }

    @Test
    void familyNameComesFirstInChineseAndLastInLatinNames() {
        assertThat(ServiceRequestIntake.name("王", "芳")).isEqualTo("王芳");
        assertThat(ServiceRequestIntake.name("Smith", "John")).isEqualTo("John Smith");
        assertThat(ServiceRequestIntake.name(null, "芳")).isEqualTo("芳");
        assertThat(ServiceRequestIntake.name(null, null)).isNull();
    }
}
