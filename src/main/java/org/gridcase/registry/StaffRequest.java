package org.gridcase.registry;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridcase.system.OnCreate;

/**
 * A member of staff to create, or their new state. {@code unitCode} is set for roles attached to a unit,
 * {@code departmentCode} for department staff. {@code active} defaults to true; false removes the login.
 * {@code notifyBy} (INAPP, SMS or EMAIL) defaults to INAPP, and left out keeps what it was.
 */
record StaffRequest(
        @NotBlank(groups = OnCreate.class, message = "必须填写")
        @Pattern(regexp = "[a-z][a-z0-9._-]{1,63}", message = "必须是 2 到 64 位小写字母、数字、点、下划线或连字符，以字母开头")
        String username,
        @NotBlank(message = "必须填写") @Size(max = 100, message = "不能超过 100 个字符")
        String fullName,
        @Pattern(regexp = "[0-9+\\- ]{3,32}", message = "电话号码格式不正确")
        String phone,
        @Email(message = "电子邮箱格式不正确") @Size(max = 254, message = "不能超过 254 个字符")
        String email,
        @NotNull(message = "必须填写")
        StaffRole role,
        String unitCode,
        String departmentCode,
        Boolean active,
        NotifyBy notifyBy) {

    StaffRequest(String username, String fullName, String phone, String email, StaffRole role, String unitCode,
            String departmentCode, Boolean active) {
        this(username, fullName, phone, email, role, unitCode, departmentCode, active, null);
    }
}
