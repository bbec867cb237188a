package org.gridcase.system;

import jakarta.validation.groups.Default;

/**
 * Validation group for constraints that hold only when a record is created (its code is required then; on
 * update the code comes from the path). Extends {@link Default} so that the other constraints run as well.
 */
public interface OnCreate extends Default {
}
