package org.gridcase.workbench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A street's board: its whistled cases (waiting for the whistle, checking in, handling) with each summoned
 * department's light; {@code lights} counts the lights by colour, {@code truncated} says that more cases than
 * the board shows are open in one of those stages. {@code streets} are the streets the caller may choose.
 */
record StreetBoard(String streetCode, String streetName, List<StreetChoice> streets, Instant updatedAt,
        List<BoardCase> cases, Map<String, Integer> lights, boolean truncated) {

    record StreetChoice(String code, String name) {
    }
}
