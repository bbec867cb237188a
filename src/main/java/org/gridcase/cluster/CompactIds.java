package org.gridcase.cluster;

import com.github.f4b6a3.ulid.UlidCreator;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.springframework.stereotype.Component;

/**
 * The ids the engine gives its rows: ULIDs, e.g. {@code 01JDX6Y0K2C8Q8ZP1W3M4N5T6V}. Like the UUIDs of Camunda's
 * default generator they are unique on every node without asking the database, but they take 26 characters
 * instead of 36, and each history row holds some eight of them (its own, its process's, its execution's, its
 * activity's, ...), in the row and again in the indexes on them. They also grow in time order, so new entries go
 * to the end of those indexes instead of splitting pages all over them. Rows made before keep their UUIDs; the
 * engine only compares ids, it never reads them.
 */
@Component
class CompactIds implements IdGenerator {

    @Override
    public String getNextId() {
        return UlidCreator.getMonotonicUlid().toString();
    }
}
