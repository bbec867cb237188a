package org.gridcase.security;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators (everything under /api/admin is theirs): the accounts failed logins have locked, and
 * unlocking one before its lock runs out, e.g. after its owner called the help desk.
 */
@RestController
@RequestMapping("/api/admin/locked-accounts")
class LockedAccountsController {

    private final LockedAccounts accounts;

    LockedAccountsController(LockedAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<LockedAccount> list() {
        return accounts.list();
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@PathVariable String username) {
        accounts.unlock(username);
    }
}
