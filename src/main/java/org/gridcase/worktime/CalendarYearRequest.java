package org.gridcase.worktime;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A year's whole arrangement: every day off and every make-up working day, as the State Council published it. */
record CalendarYearRequest(@NotNull(message = "必须填写（可以为空列表）") List<@Valid Day> days) {

    record Day(
            @NotNull(message = "必须填写") LocalDate date,
            @NotNull(message = "必须填写（HOLIDAY 或 WORKDAY）") DayKind kind,
            @NotBlank(message = "必须填写") @Size(max = 50, message = "不能超过 50 个字符") String name) {
    }
}
