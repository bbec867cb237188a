package org.gridcase.casework;

import java.util.List;

/**
 * The phones of residents who joined a case reported by someone else (我也遇到了), so that they are told of its
 * result like its reporter, and how many they are (the workbench's case page). The resident module keeps them and
 * implements this; the others only ask.
 */
public interface CoReporters {

    List<String> phonesOf(String caseNumber);

    /** How many residents joined the case, with a phone or without; the reporter not counted. */
    long countOf(String caseNumber);
}
