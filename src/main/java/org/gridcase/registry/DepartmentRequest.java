package org.gridcase.registry;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridcase.system.OnCreate;

/** A department to create, or the new state of one (its code cannot change: groups and rules use it).
 * {@code robots} left out: the duty group robots stay as they are. {@code bodyKind} only for an outside body
 * (其他 if left out when created); {@code active} left out: stays as it is (a new one is active). */
record DepartmentRequest(
        @NotBlank(groups = OnCreate.class, message = "必须填写")
        @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "必须是 2 到 32 位小写字母、数字或连字符，以字母开头")
        String code,
        @NotBlank(message = "必须填写") @Size(max = 100, message = "不能超过 100 个字符")
        String name,
        @NotNull(message = "必须填写（DEPARTMENT 或 OUTSIDE_BODY）")
        DepartmentKind kind,
        @Pattern(regexp = "[0-9+\\- ]{3,32}", message = "电话号码格式不正确")
        String phone,
        Set<@NotBlank(message = "不能为空") String> categories,
        @Valid DutyRobotsRequest robots,
        OutsideBodyKind bodyKind,
        Boolean active) {

    DepartmentRequest(String code, String name, DepartmentKind kind, String phone, Set<String> categories) {
        this(code, name, kind, phone, categories, null, null, null);
    }

    DepartmentRequest(String code, String name, DepartmentKind kind, String phone, Set<String> categories,
            DutyRobotsRequest robots) {
        this(code, name, kind, phone, categories, robots, null, null);
    }

    Set<String> categoriesOrEmpty() {
        return categories == null ? Set.of() : categories;
    }
}
