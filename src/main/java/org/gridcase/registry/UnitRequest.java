package org.gridcase.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridcase.system.OnCreate;

/**
 * A unit to create, or the new state of one (then {@code code}, {@code level} and {@code parentCode} come from
 * the stored unit and may be left out: a unit cannot move, its code encodes its place). {@code robots} left out:
 * the duty group robots stay as they are.
 */
record UnitRequest(
        @NotBlank(groups = OnCreate.class, message = "必须填写")
        @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}|\\d{15}", message = "必须是 6、9、12 或 15 位数字（CJ/T 349）")
        String code,
        @NotNull(groups = OnCreate.class, message = "必须填写（DISTRICT、STREET、COMMUNITY 或 GRID）")
        UnitLevel level,
        @NotBlank(message = "必须填写") @Size(max = 100, message = "不能超过 100 个字符")
        String name,
        String parentCode,
        String boundary,
        @Pattern(regexp = "[A-Z]{1,4}", message = "必须是 1 到 4 个大写字母，如 TM")
        String casePrefix,
        @Valid DutyRobotsRequest robots) {

    UnitRequest(String code, UnitLevel level, String name, String parentCode, String boundary, String casePrefix) {
        this(code, level, name, parentCode, boundary, casePrefix, null);
    }
}
