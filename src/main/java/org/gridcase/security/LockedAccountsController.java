package org.gridcase.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "管理 · Administration")
@RestController
@RequestMapping("/api/admin/locked-accounts")
class LockedAccountsController {

    private final LockedAccounts accounts;

    LockedAccountsController(LockedAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "列出被锁定的账号（管理员） · List locked accounts (administrators)")
    @GetMapping
    List<LockedAccount> list() {
        return accounts.list();
    }

    @Operation(summary = "解锁账号（管理员） · Unlock an account (administrators)")
    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@PathVariable String username) {
        accounts.unlock(username);
    }
}
