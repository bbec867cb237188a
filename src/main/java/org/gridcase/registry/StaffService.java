package org.gridcase.registry;

import java.util.List;
import java.util.Optional;

import org.gridcase.system.ConflictException;
import org.gridcase.system.InvalidRequestException;
import org.gridcase.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class StaffService {

    private final StaffRepository staff;
    private final UnitRepository units;
    private final DepartmentRepository departments;
    private final ApplicationEventPublisher events;

    StaffService(StaffRepository staff, UnitRepository units, DepartmentRepository departments,
            ApplicationEventPublisher events) {
        this.staff = staff;
        this.units = units;
        this.departments = departments;
        this.events = events;
    }

    /** Staff filtered by one of role, unit or department (the first given wins), or everyone. */
    public List<StaffView> list(StaffRole role, String unitCode, String departmentCode) {
        List<Staff> found;
        if (role != null) {
            found = staff.findByRoleOrderByUsername(role);
        } else if (unitCode != null) {
            found = staff.findByUnitCodeOrderByUsername(unitCode);
        } else if (departmentCode != null) {
            found = staff.findByDepartmentCodeOrderByUsername(departmentCode);
        } else {
            found = staff.findAll(Sort.by("username"));
        }
        return found.stream().map(Staff::view).toList();
    }

    public Optional<StaffView> find(String username) {
        return staff.findById(username).map(Staff::view);
    }

    public StaffView get(String username) {
        return find(username).orElseThrow(() -> new NotFoundException("人员 " + username + " 不存在"));
    }

    @Transactional
    public StaffView create(StaffRequest request) {
        if (staff.existsById(request.username())) {
            throw new ConflictException("用户名 " + request.username() + " 已存在");
        }
        checkAttachment(request);
        checkNotifyBy(request);
        Staff member = new Staff(request.username());
        member.describe(request);
        staff.save(member);
        events.publishEvent(new StaffChanged(member.username()));
        return member.view();
    }

    @Transactional
    public StaffView update(String username, StaffRequest request) {
        Staff member = staff.findById(username)
                .orElseThrow(() -> new NotFoundException("人员 " + username + " 不存在"));
        if (request.username() != null && !request.username().equals(username)) {
            throw new InvalidRequestException("username", "与路径中的用户名 " + username + " 不一致；用户名不能修改");
        }
        checkAttachment(request);
        checkNotifyBy(request);
        member.describe(request);
        events.publishEvent(new StaffChanged(username));
        return member.view();
    }

    /** Text messages need a phone, e-mails an address. */
    private static void checkNotifyBy(StaffRequest request) {
        if (request.notifyBy() == NotifyBy.SMS && (request.phone() == null || request.phone().isBlank())) {
            throw new InvalidRequestException("notifyBy", "选择短信通知须先填写手机号码（phone）");
        }
        if (request.notifyBy() == NotifyBy.EMAIL && (request.email() == null || request.email().isBlank())) {
            throw new InvalidRequestException("notifyBy", "选择邮件通知须先填写电子邮箱（email）");
        }
    }

    /** A role is attached to the kind of unit it works in (a grid worker to a grid), or to a department. */
    private void checkAttachment(StaffRequest request) {
        StaffRole role = request.role();
        if (role.belongsToDepartment()) {
            if (request.unitCode() != null) {
                throw new InvalidRequestException("unitCode", role.label() + "隶属部门，不填单元");
            }
            if (request.departmentCode() == null) {
                throw new InvalidRequestException("departmentCode", role.label() + "必须填写所属部门");
            }
            if (!departments.existsById(request.departmentCode())) {
                throw new InvalidRequestException("departmentCode", "部门 " + request.departmentCode() + " 不存在");
            }
            return;
        }
        if (request.departmentCode() != null) {
            throw new InvalidRequestException("departmentCode", role.label() + "隶属" + role.unitLevel().label()
                    + "，不填部门");
        }
        if (request.unitCode() == null) {
            throw new InvalidRequestException("unitCode", role.label() + "必须填写所属" + role.unitLevel().label());
        }
        Unit unit = units.findById(request.unitCode()).orElseThrow(
                () -> new InvalidRequestException("unitCode", "单元 " + request.unitCode() + " 不存在"));
        if (unit.level() != role.unitLevel()) {
            throw new InvalidRequestException("unitCode", role.label() + "必须隶属" + role.unitLevel().label()
                    + "，" + unit.code() + " 是" + unit.level().label());
        }
    }
}
