package org.gridcase.casework;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridcase.registry.Urgency;
import org.gridcase.system.PlainText;
import org.hibernate.validator.constraints.URL;

/**
 * A report as it arrives. The constraints are the form rules every entry path checks (the intake API, the
 * Tasklist start form); {@link CaseRegistration} adds the rules that need the registry. {@code urgency} may be
 * null: the category's default applies. A location is a grid code, coordinates, or both.
 */
public record NewCase(
        @NotBlank(message = "必须填写") @Size(max = 64, message = "不能超过 64 个字符") @PlainText
        String category,
        Urgency urgency,
        @NotBlank(message = "必须填写") @Size(max = 4000, message = "不能超过 4000 个字符") @PlainText
        String description,
        @NotBlank(message = "必须填写") @Size(max = 200, message = "不能超过 200 个字符") @PlainText
        String address,
        @DecimalMin(value = "-90", message = "纬度必须在 -90 到 90 之间")
        @DecimalMax(value = "90", message = "纬度必须在 -90 到 90 之间")
        Double lat,
        @DecimalMin(value = "-180", message = "经度必须在 -180 到 180 之间")
        @DecimalMax(value = "180", message = "经度必须在 -180 到 180 之间")
        Double lon,
        @Pattern(regexp = "\\d{15}", message = "必须是 15 位网格编码")
        String gridCode,
        @Size(max = 50, message = "不能超过 50 个字符") @PlainText
        String reporterName,
        @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "必须是手机号（11 位）或带区号的座机号")
        String reporterPhone,
        @NotNull(message = "必须填写（GRID_WORKER、RESIDENT_APP、HOTLINE_12345 或 MOBILE_GRID_WORKER）")
        Channel channel,
        @Size(max = 9, message = "最多 9 个链接")
        List<@NotBlank(message = "不能为空") @Size(max = 400, message = "不能超过 400 个字符")
                // the Tasklist shows http(s) links only; java.net.URL alone takes "file:///etc/passwd" and "http://"
                @URL(regexp = "https?://[^\\s/?#]+([/?#]\\S*)?", message = "必须是有效的 http 或 https 链接")
                String> photoLinks) {

    public NewCase {
        // not List.copyOf: a null element must reach validation as a field error, not fail here
        photoLinks = photoLinks == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(photoLinks));
    }
}
