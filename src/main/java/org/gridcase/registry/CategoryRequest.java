package org.gridcase.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridcase.system.OnCreate;

/** A category to create, or the new name and urgency of one (code and parent cannot change). */
record CategoryRequest(
        @NotBlank(groups = OnCreate.class, message = "必须填写")
        @Pattern(regexp = "[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)*", message = "必须是大写英文编码，下级以点分隔，如 MUNICIPAL.MANHOLE_COVER_MISSING")
        @Size(max = 64, message = "不能超过 64 个字符")
        String code,
        @NotBlank(message = "必须填写") @Size(max = 100, message = "不能超过 100 个字符")
        String name,
        String parentCode,
        Urgency defaultUrgency) {
}
