package org.gridcase.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.UnitLevel;
import org.gridcase.system.Caller;
import org.springframework.stereotype.Component;

/**
 * The case list's saved views: named searches offered by the caller's groups, as the Tasklist offers its unit
 * filters. A view is only a set of the list's own parameters; the list scopes every search to the caller anyway,
 * so a view offers nothing a caller could not type into the filters.
 */
@Component
class WorkbenchViews {

    record View(String key, String label, Map<String, String> params) {
    }

    List<View> of(Caller caller) {
        List<View> views = new ArrayList<>();
        views.add(view("all", "全部", "open", "true"));
        for (String grid : sorted(CamundaGroups.unitCodes(UnitLevel.GRID, caller.groups()))) {
            views.add(view("grid-" + grid, "我的网格", "unit", grid, "open", "true"));
        }
        for (String community : sorted(CamundaGroups.unitCodes(UnitLevel.COMMUNITY, caller.groups()))) {
            views.add(view("community-" + community, "本社区", "unit", community, "open", "true"));
        }
        for (String street : sorted(CamundaGroups.unitCodes(UnitLevel.STREET, caller.groups()))) {
            views.add(view("street-" + street, "本街道", "unit", street, "open", "true"));
        }
        for (String department : sorted(CamundaGroups.departmentCodes(caller.groups()))) {
            views.add(view("dept-" + department, "本部门", "department", department, "open", "true"));
            views.add(view("lead-" + department, "本部门主办", "lead", department, "open", "true", "sort", "deadline"));
        }
        if (isHotline(caller)) {
            views.add(view("opened", "我受理的", "openedByMe", "true"));
        }
        views.add(view("acted", "我经手的", "actedByMe", "true"));
        views.add(view("near-due", "即将超时", "flags", "NEAR_DUE", "open", "true", "sort", "deadline"));
        views.add(view("overdue", "已超时", "flags", "OVERDUE", "open", "true", "sort", "deadline"));
        views.add(view("emergency", "应急", "flags", "EMERGENCY", "open", "true"));
        return views;
    }

    static boolean isSupervisor(Caller caller) {
        return caller.isMemberOf(CamundaGroups.SUPERVISORS);
    }

    static boolean isHotline(Caller caller) {
        return caller.isMemberOf(CamundaGroups.HOTLINE);
    }

    private static List<String> sorted(java.util.Set<String> codes) {
        return codes.stream().sorted().toList();
    }

    private static View view(String key, String label, String... params) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return new View(key, label, map);
    }
}
