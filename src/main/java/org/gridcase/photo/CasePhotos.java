package org.gridcase.photo;

import java.util.List;

/** What other modules may ask of a case's photos: those staff attached at its steps, for the case page. */
public interface CasePhotos {

    /** The photos staff attached at the case's steps (处置后, 调解协议书, …), oldest first; not the report's own. */
    List<CasePhoto> attachedAtSteps(String caseNumber);
}
