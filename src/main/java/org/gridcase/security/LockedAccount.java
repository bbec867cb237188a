package org.gridcase.security;

import java.time.Instant;

/** An account that failed logins have locked: who, how many failures in a row, and until when. */
record LockedAccount(String username, String name, int failedAttempts, Instant lockedUntil) {
}
