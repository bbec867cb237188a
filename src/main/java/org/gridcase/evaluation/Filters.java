package org.gridcase.evaluation;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.gridcase.casework.Channel;
import org.gridcase.system.InvalidRequestException;

/**
 * What a figure may be narrowed to, each optional: a unit (district, street, community or grid, told by the length
 * of its code), a category (either level), a channel, a department (summoned to the case, in any role).
 * Checked here, so that a wrong value is a 400 naming its field; used only as bound parameters.
 */
public record Filters(String unitCode, String category, String channel, String department) {

    public static final Filters NONE = new Filters(null, null, null, null);

    private static final Pattern UNIT = Pattern.compile("\\d{6}|\\d{9}|\\d{12}|\\d{15}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    public Filters {
        unitCode = blankToNull(unitCode);
        category = blankToNull(category);
        channel = blankToNull(channel);
        department = blankToNull(department);
        if (unitCode != null && !UNIT.matcher(unitCode).matches()) {
            throw new InvalidRequestException("unit", "单位代码应为 6 位（区）、9 位（街道）、12 位（社区）或 15 位（网格）数字");
        }
        if (category != null && !CODE.matcher(category).matches()) {
            throw new InvalidRequestException("category", "类别代码格式不正确");
        }
        String given = channel;
        if (given != null && Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(given))) {
            throw new InvalidRequestException("channel", "渠道不存在：" + channel);
        }
        if (department != null && !CODE.matcher(department).matches()) {
            throw new InvalidRequestException("department", "部门代码格式不正确");
        }
    }

    /** The fact column a unit code of this length is compared with. */
    String unitColumn() {
        return switch (unitCode.length()) {
            case 6 -> "f.district_code";
            case 9 -> "f.street_code";
            case 12 -> "f.community_code";
            default -> "f.grid_code";
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
