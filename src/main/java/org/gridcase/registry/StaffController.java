package org.gridcase.registry;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "工作人员 · Staff", description = "The staff register; contact details only for those who may see them")
@RestController
@RequestMapping("/api/registry/staff")
class StaffController {

    private final StaffService staff;
    private final StaffContacts contacts;

    StaffController(StaffService staff, StaffContacts contacts) {
        this.staff = staff;
        this.contacts = contacts;
    }

    @Operation(summary = "列出工作人员 · List the staff")
    @GetMapping
    List<StaffView> list(@RequestParam(name = "role", required = false) StaffRole role,
            @RequestParam(name = "unit", required = false) String unitCode,
            @RequestParam(name = "department", required = false) String departmentCode) {
        return staff.list(role, unitCode, departmentCode).stream().map(contacts.forCurrentCaller()).toList();
    }

    @Operation(summary = "查看一名工作人员 · Read a member of staff")
    @GetMapping("/{username}")
    StaffView get(@PathVariable("username") String username) {
        return contacts.forCurrentCaller().apply(staff.get(username));
    }

    @Operation(summary = "新增工作人员（管理员） · Add a member of staff (administrators)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StaffView create(@RequestBody @Validated(OnCreate.class) StaffRequest request) {
        return staff.create(request);
    }

    @Operation(summary = "修改工作人员（管理员） · Change a member of staff (administrators)")
    @PutMapping("/{username}")
    StaffView update(@PathVariable("username") String username, @RequestBody @Valid StaffRequest request) {
        return staff.update(username, request);
    }
}
