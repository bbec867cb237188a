package org.gridcase.casework;

import java.util.List;

/**
 * The phones of residents who joined a case reported by someone else (我也遇到了), so that they are told of its
 * result like its reporter. The resident module keeps them and implements this; casework only asks.
 */
public interface CoReporters {

    List<String> phonesOf(String caseNumber);
}
