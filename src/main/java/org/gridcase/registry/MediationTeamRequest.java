package org.gridcase.registry;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridcase.system.OnCreate;

/** A mediation team to create, or its new description (the code cannot change). */
record MediationTeamRequest(
        @NotBlank(groups = OnCreate.class, message = "必须填写")
        @Pattern(regexp = "[a-z][a-z0-9-]*", message = "必须是小写英文编码，如 mdzy-plumbing")
        @Size(max = 32, message = "不能超过 32 个字符")
        String code,
        @NotBlank(message = "必须填写") @Size(max = 100, message = "不能超过 100 个字符")
        String name,
        @NotBlank(message = "必须填写") @Size(max = 20, message = "不能超过 20 个字符")
        String unitCode,
        @NotNull(message = "必须填写：PROPERTY_LAW、PLUMBING、COUNSELLING 或 COMPREHENSIVE")
        MediationSpeciality speciality,
        Boolean active,
        @NotEmpty(message = "至少一名调解员") @Size(max = 20, message = "一个小组最多 20 名调解员")
        List<@Valid Mediator> mediators) {

    record Mediator(
            @NotBlank(message = "必须填写") @Size(max = 50, message = "不能超过 50 个字符") String name,
            @Size(max = 50, message = "不能超过 50 个字符") String role) {
    }
}
