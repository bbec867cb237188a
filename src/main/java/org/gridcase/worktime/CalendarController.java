package org.gridcase.worktime;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The holiday arrangements: staff read them, administrators add or correct a year. */
@Tag(name = "工作日历 · Working calendar", description = "Holidays and make-up working days that time limits count in")
@RestController
@RequestMapping("/api/calendar/years/{year}")
class CalendarController {

    private final CalendarAdministration calendar;

    CalendarController(CalendarAdministration calendar) {
        this.calendar = calendar;
    }

    @Operation(summary = "查看一年的节假日安排 · Read a year's holiday arrangements")
    @GetMapping
    List<CalendarDayView> get(@PathVariable("year") @Min(value = 2000, message = "年份不能早于 2000")
            @Max(value = 2100, message = "年份不能晚于 2100") int year) {
        return calendar.year(year);
    }

    @Operation(summary = "替换一年的节假日安排（管理员） · Replace a year's holiday arrangements (administrators)")
    @PutMapping
    List<CalendarDayView> replace(@PathVariable("year") @Min(value = 2000, message = "年份不能早于 2000")
            @Max(value = 2100, message = "年份不能晚于 2100") int year,
            @RequestBody @Valid CalendarYearRequest request) {
        return calendar.replaceYear(year, request);
    }
}
