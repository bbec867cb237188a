package org.gridcase.casework;

import java.util.Set;

/**
 * The cases a caller works on, spelled out for a module that keeps its own per-case rows (the evaluation's facts)
 * and must apply the same rule to them: all cases, or those placed in one of these grids, communities or
 * streets, those one of these departments was summoned to, or (the hotline) those {@code openedBy} took.
 * {@link CaseAccess} decides it, as it decides every case query; nothing else may widen it.
 */
public record CaseScope(boolean all, Set<String> gridCodes, Set<String> communityCodes, Set<String> streetCodes,
        Set<String> departmentCodes, String openedBy) {

    public CaseScope {
        gridCodes = Set.copyOf(gridCodes);
        communityCodes = Set.copyOf(communityCodes);
        streetCodes = Set.copyOf(streetCodes);
        departmentCodes = Set.copyOf(departmentCodes);
    }

    /** Nobody's scope: no case at all. */
    public boolean none() {
        return !all && gridCodes.isEmpty() && communityCodes.isEmpty() && streetCodes.isEmpty()
                && departmentCodes.isEmpty() && openedBy == null;
    }
}
