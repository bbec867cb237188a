package org.gridcase.registry;

import java.util.List;

import jakarta.validation.Valid;
import org.gridcase.system.OnCreate;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The staff register; contact details only for those StaffContacts allows (changes: administrators only). */
@RestController
@RequestMapping("/api/registry/staff")
class StaffController {

    private final StaffService staff;
    private final StaffContacts contacts;

    StaffController(StaffService staff, StaffContacts contacts) {
        this.staff = staff;
        this.contacts = contacts;
    }

    @GetMapping
    List<StaffView> list(@RequestParam(name = "role", required = false) StaffRole role,
            @RequestParam(name = "unit", required = false) String unitCode,
            @RequestParam(name = "department", required = false) String departmentCode) {
        return staff.list(role, unitCode, departmentCode).stream().map(contacts.forCurrentCaller()).toList();
    }

    @GetMapping("/{username}")
    StaffView get(@PathVariable("username") String username) {
        return contacts.forCurrentCaller().apply(staff.get(username));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StaffView create(@RequestBody @Validated(OnCreate.class) StaffRequest request) {
        return staff.create(request);
    }

    @PutMapping("/{username}")
    StaffView update(@PathVariable("username") String username, @RequestBody @Valid StaffRequest request) {
        return staff.update(username, request);
    }
}
