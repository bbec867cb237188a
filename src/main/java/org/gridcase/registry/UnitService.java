package org.gridcase.registry;

import java.util.List;

import org.gridcase.system.ConflictException;
import org.gridcase.system.InvalidRequestException;
import org.gridcase.system.NotFoundException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class UnitService {

    private final UnitRepository units;
    private final ApplicationEventPublisher events;

    UnitService(UnitRepository units, ApplicationEventPublisher events) {
        this.units = units;
        this.events = events;
    }

    public List<UnitView> list(UnitLevel level, String parentCode) {
        List<Unit> found;
        if (level != null && parentCode != null) {
            found = units.findByLevelAndParentCodeOrderByCode(level, parentCode);
        } else if (level != null) {
            found = units.findByLevelOrderByCode(level);
        } else if (parentCode != null) {
            found = units.findByParentCodeOrderByCode(parentCode);
        } else {
            found = units.findAll(org.springframework.data.domain.Sort.by("code"));
        }
        return found.stream().map(Unit::view).toList();
    }

    public UnitView get(String code) {
        return find(code).view();
    }

    @Transactional
    public UnitView create(UnitRequest request) {
        if (units.existsById(request.code())) {
            throw new ConflictException("单元编码 " + request.code() + " 已存在");
        }
        UnitLevel level = request.level();
        if (request.code().length() != level.codeLength()) {
            throw new InvalidRequestException("code",
                    level.label() + "编码必须是 " + level.codeLength() + " 位数字");
        }
        checkParent(request.code(), level, request.parentCode());
        Unit unit = new Unit(request.code(), level, request.parentCode());
        describe(unit, request);
        units.save(unit);
        events.publishEvent(new UnitChanged(unit.code()));
        return unit.view();
    }

    @Transactional
    public UnitView update(String code, UnitRequest request) {
        Unit unit = find(code);
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidRequestException("code", "与路径中的编码 " + code + " 不一致；编码不能修改");
        }
        if (request.level() != null && request.level() != unit.level()) {
            throw new InvalidRequestException("level", "层级不能修改");
        }
        if (request.parentCode() != null && !request.parentCode().equals(unit.parentCode())) {
            throw new InvalidRequestException("parentCode", "上级单元不能修改：编码包含上级编码");
        }
        describe(unit, request);
        events.publishEvent(new UnitChanged(code));
        return unit.view();
    }

    /**
     * The prefix of case numbers for a case placed in this street: the street's own, else its district's,
     * else null (the caller decides).
     */
    public String casePrefix(String streetCode) {
        return units.findById(streetCode)
                .map(street -> street.casePrefix() != null ? street.casePrefix()
                        : units.findById(street.parentCode()).map(Unit::casePrefix).orElse(null))
                .orElse(null);
    }

    /** The prefix for cases not yet placed in a street: the district's, when the registry holds one district. */
    public String unplacedCasePrefix() {
        List<Unit> districts = units.findByLevelOrderByCode(UnitLevel.DISTRICT);
        return districts.size() == 1 ? districts.get(0).casePrefix() : null;
    }

    private void describe(Unit unit, UnitRequest request) {
        if (request.casePrefix() != null && unit.level() != UnitLevel.STREET && unit.level() != UnitLevel.DISTRICT) {
            throw new InvalidRequestException("casePrefix", "只有街道和区有工单号前缀");
        }
        unit.describe(request.name(), request.casePrefix());
        if (request.robots() != null) {
            unit.robots().change(request.robots());
        }
        if (unit.level() == UnitLevel.GRID) {
            if (request.boundary() == null || request.boundary().isBlank()) {
                throw new InvalidRequestException("boundary", "网格必须有边界（WKT POLYGON，经度在前）");
            }
            Polygon polygon = GridBoundaries.parse("boundary", request.boundary());
            checkNoOverlap(unit.code(), polygon);
            unit.redraw(polygon);
        } else if (request.boundary() != null) {
            throw new InvalidRequestException("boundary", "只有网格有边界");
        }
    }

    private void checkParent(String code, UnitLevel level, String parentCode) {
        UnitLevel parentLevel = level.parentLevel();
        if (parentLevel == null) {
            if (parentCode != null) {
                throw new InvalidRequestException("parentCode", "区没有上级单元");
            }
            return;
        }
        if (parentCode == null) {
            throw new InvalidRequestException("parentCode", level.label() + "必须有上级" + parentLevel.label());
        }
        Unit parent = units.findById(parentCode).orElseThrow(
                () -> new InvalidRequestException("parentCode", "上级单元 " + parentCode + " 不存在"));
        if (parent.level() != parentLevel) {
            throw new InvalidRequestException("parentCode", "上级必须是" + parentLevel.label() + "，"
                    + parentCode + " 是" + parent.level().label());
        }
        if (!code.startsWith(parentCode)) {
            throw new InvalidRequestException("code", "必须以上级编码 " + parentCode + " 开头");
        }
    }

    /** Grids may share edges but not area: otherwise a point would have two grids. */
    private void checkNoOverlap(String code, Polygon polygon) {
        Envelope box = polygon.getEnvelopeInternal();
        units.findGridsMeetingBox(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()).stream()
                .filter(other -> !other.code().equals(code))
                .filter(other -> GridBoundaries.read(other.boundary()).relate(polygon, "T********"))
                .findFirst()
                .ifPresent(other -> {
                    throw new InvalidRequestException("boundary",
                            "与网格 " + other.code() + "（" + other.name() + "）重叠");
                });
    }

    private Unit find(String code) {
        return units.findById(code).orElseThrow(() -> new NotFoundException("单元 " + code + " 不存在"));
    }
}
