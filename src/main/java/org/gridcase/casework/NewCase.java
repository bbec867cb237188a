package org.gridcase.casework;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(description = "分类编码（见 /api/registry/categories） · category code",
                example = "PROPERTY.STAIRWELL_LIGHT")
        String category,
        @Schema(description = "紧急程度，不填则用分类的默认值 · urgency, the category default when absent",
                example = "ROUTINE")
        Urgency urgency,
        @NotBlank(message = "必须填写") @Size(max = 4000, message = "不能超过 4000 个字符") @PlainText
        @Schema(description = "诉求内容 · what the reporter says", example = "3号楼2单元楼道灯不亮已一周，晚上上下楼看不见")
        String description,
        @NotBlank(message = "必须填写") @Size(max = 200, message = "不能超过 200 个字符") @PlainText
        @Schema(description = "地址 · address", example = "牡丹庄园小区3号楼2单元")
        String address,
        @DecimalMin(value = "-90", message = "纬度必须在 -90 到 90 之间")
        @DecimalMax(value = "90", message = "纬度必须在 -90 到 90 之间")
        @Schema(description = "纬度（WGS-84） · latitude", example = "34.2795")
        Double lat,
        @DecimalMin(value = "-180", message = "经度必须在 -180 到 180 之间")
        @DecimalMax(value = "180", message = "经度必须在 -180 到 180 之间")
        @Schema(description = "经度（WGS-84） · longitude", example = "108.8835")
        Double lon,
        @Pattern(regexp = "\\d{15}", message = "必须是 15 位网格编码")
        @Schema(description = "网格编码（15 位），可与坐标同填 · grid code, alone or with the point",
                example = "610104007001001")
        String gridCode,
        @Size(max = 50, message = "不能超过 50 个字符") @PlainText
        @Schema(description = "反映人姓名（可不填） · reporter name, optional", example = "王女士")
        String reporterName,
        @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "必须是手机号（11 位）或带区号的座机号")
        @Schema(description = "回访电话（可不填） · phone for the call back, optional", example = "13991234567")
        String reporterPhone,
        @NotNull(message = "必须填写（GRID_WORKER、RESIDENT_APP、HOTLINE_12345、MOBILE_GRID_WORKER 或 OPEN311）")
        @Schema(description = "来源渠道 · channel", example = "RESIDENT_APP")
        Channel channel,
        @Schema(description = "照片链接，最多 9 个 · photo links, at most 9",
                example = "[\"https://example.org/photos/stairwell.jpg\"]")
        @Size(max = 9, message = "最多 9 个链接")
        List<@NotBlank(message = "不能为空") @Size(max = 400, message = "不能超过 400 个字符")
                // the Tasklist shows http(s) links only; java.net.URL alone takes "file:///etc/passwd" and "http://"
                @URL(regexp = "https?://[^\\s/?#]+([/?#]\\S*)?", message = "必须是有效的 http 或 https 链接")
                String> photoLinks,
        @Schema(description = "渠道内的来源（可不填）：扫码上报的网格 grid:网格编码，Open311 应用 app:应用编号 · where in its channel",
                example = "grid:610104007001001")
        @Pattern(regexp = "(grid|app):[A-Za-z0-9._-]{1,58}", message = "必须是 grid:网格编码 或 app:应用编号")
        String channelSource) {

    /** A report whose channel says where it came from (no QR code, no app). */
    public NewCase(String category, Urgency urgency, String description, String address, Double lat, Double lon,
            String gridCode, String reporterName, String reporterPhone, Channel channel, List<String> photoLinks) {
        this(category, urgency, description, address, lat, lon, gridCode, reporterName, reporterPhone, channel,
                photoLinks, null);
    }

    public NewCase {
        // not List.copyOf: a null element must reach validation as a field error, not fail here
        photoLinks = photoLinks == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(photoLinks));
    }
}
