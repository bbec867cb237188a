package org.gridcase.photo;

import java.util.List;

/**
 * A step of a case linked uploads to it outside the report (the signed copy of a mediation agreement, 调解协议书):
 * published inside that step's transaction, so the uploads become the case's photos with the step, under
 * {@code stage}, and the cleanup of unclaimed uploads never takes them. Links to other servers and uploads another
 * case has are left as they are.
 */
public record PhotosLinked(String caseNumber, List<String> links, String stage, String by) {

    public PhotosLinked {
        links = List.copyOf(links);
    }
}
