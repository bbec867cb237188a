package org.gridcase.workbench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridcase.casework.CaseFlag;
import org.gridcase.casework.CaseSearch;
import org.gridcase.casework.CaseStatus;
import org.gridcase.registry.Urgency;
import org.gridcase.system.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/workbench/cases}: the caller's cases (CaseQueries scopes every search), filtered, sorted by
 * deadline or by receipt, a page at a time. Dates are days in the district's zone; {@code to} includes its day.
 * {@code phone} finds only cases whose reporter's phone the caller may see (the community that calls back, the
 * hotline member who took the call); for anyone else it finds nothing rather than telling whose number a masked
 * case has.
 */
@Tag(name = "工单中心 · Workbench")
@RestController
class CaseListController {

    /** The list's flags; each must hold. */
    enum ListFlag { OVERDUE, NEAR_DUE, ESCALATED, EMERGENCY, REOPENED, RETURNED }

    private final CaseList list;
    private final ZoneId zone;

    CaseListController(CaseList list, @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.list = list;
        this.zone = zone;
    }

    @Operation(summary = "工单列表：按编号、电话、地址、类别、状态、时段、单元、部门和标记查询 · The case list, filtered and sorted")
    @GetMapping("/api/workbench/cases")
    CaseListPage search(
            @RequestParam(name = "number", required = false) @Size(max = 40, message = "不能超过 40 个字符") String number,
            @RequestParam(name = "phone", required = false)
            @Pattern(regexp = "[0-9+\\-]{5,20}", message = "电话号码格式不正确") String phone,
            @RequestParam(name = "address", required = false) @Size(max = 100, message = "不能超过 100 个字符")
            String address,
            @RequestParam(name = "category", required = false)
            @Pattern(regexp = "[A-Z_]+(\\.[A-Z_]+)?", message = "类别编码格式不正确") String category,
            @RequestParam(name = "status", required = false) CaseStatus status,
            @RequestParam(name = "from", required = false) LocalDate from,
            @RequestParam(name = "to", required = false) LocalDate to,
            @RequestParam(name = "unit", required = false)
            @Pattern(regexp = "[0-9]{9}|[0-9]{12}|[0-9]{15}", message = "应为街道、社区或网格编码（9、12 或 15 位数字）")
            String unit,
            @RequestParam(name = "department", required = false)
            @Pattern(regexp = "[a-z][a-z0-9-]{0,63}", message = "部门编码格式不正确") String department,
            @RequestParam(name = "lead", required = false)
            @Pattern(regexp = "[a-z][a-z0-9-]{0,63}", message = "部门编码格式不正确") String lead,
            @RequestParam(name = "flags", required = false) String flags,
            @RequestParam(name = "open", defaultValue = "false") boolean open,
            @RequestParam(name = "actedByMe", defaultValue = "false") boolean actedByMe,
            @RequestParam(name = "openedByMe", defaultValue = "false") boolean openedByMe,
            @RequestParam(name = "sort", defaultValue = "received")
            @Pattern(regexp = "received|deadline", message = "只能是 received（受理时间）或 deadline（期限）") String sort,
            @RequestParam(name = "page", defaultValue = "0") @Min(value = 0, message = "不能小于 0") int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(value = 1, message = "不能小于 1")
            @Max(value = 100, message = "不能大于 100") int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "开始日期不能晚于结束日期");
        }
        Set<ListFlag> wanted = flags(flags);
        Set<CaseFlag> caseFlags = EnumSet.noneOf(CaseFlag.class);
        for (ListFlag flag : wanted) {
            switch (flag) {
                case ESCALATED -> caseFlags.add(CaseFlag.ESCALATED);
                case REOPENED -> caseFlags.add(CaseFlag.REOPENED);
                case RETURNED -> caseFlags.add(CaseFlag.RETURNED);
                default -> { }
            }
        }
        CaseSearch.More more = new CaseSearch.More(category, unit, blankToNull(address), phone, open,
                wanted.contains(ListFlag.EMERGENCY) ? Urgency.EMERGENCY : null,
                wanted.contains(ListFlag.NEAR_DUE) ? list.nearDueLimit() : null, wanted.contains(ListFlag.OVERDUE),
                actedByMe, openedByMe, "deadline".equals(sort), lead);
        CaseSearch search = new CaseSearch(status, null, day(from), to == null ? null : day(to.plusDays(1)),
                blankToNull(number), department, caseFlags, more);
        return list.search(search, page, size);
    }

    private Instant day(LocalDate date) {
        return date == null ? null : date.atStartOfDay(zone).toInstant();
    }

    private static Set<ListFlag> flags(String flags) {
        Set<ListFlag> wanted = EnumSet.noneOf(ListFlag.class);
        if (flags == null || flags.isBlank()) {
            return wanted;
        }
        for (String flag : flags.split(",")) {
            try {
                wanted.add(ListFlag.valueOf(flag.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidRequestException("flags", "未知的标记 " + flag.trim()
                        + "，可选 OVERDUE、NEAR_DUE、ESCALATED、EMERGENCY、REOPENED、RETURNED");
            }
        }
        return wanted;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
