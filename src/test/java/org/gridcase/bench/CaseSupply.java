package org.gridcase.bench;

/**
 * Where the load mode's open cases come from: the real path ({@link CaseGenerator}) or copies of a few real ones
 * ({@link ClonedCases}).
 */
interface CaseSupply {

    /** Makes cases until {@code size} wait at a street's whistle (plus their share of whistled ones). */
    void growTo(int size);

    /** Cases made so far, whistled ones included. */
    int made();

    int whistled();

    /** All the cases the run makes. */
    int total();

    /** Seconds spent making cases so far. */
    double seconds();
}
