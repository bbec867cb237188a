package org.gridcase.resident;

import java.util.List;
import java.util.Objects;

import org.gridcase.casework.CoReporters;
import org.springframework.stereotype.Component;

/** Tells casework whom else to give a case's result (the residents who joined it and left a phone) and how many joined. */
@Component
class CoReporterPhones implements CoReporters {

    private final CoReporterRepository coReporters;

    CoReporterPhones(CoReporterRepository coReporters) {
        this.coReporters = coReporters;
    }

    @Override
    public List<String> phonesOf(String caseNumber) {
        return coReporters.findByCaseNumber(caseNumber).stream().map(CoReporter::phone).filter(Objects::nonNull)
                .distinct().toList();
    }

    @Override
    public long countOf(String caseNumber) {
        return coReporters.countByCaseNumber(caseNumber);
    }
}
