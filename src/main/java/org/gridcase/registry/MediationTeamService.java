package org.gridcase.registry;

import java.util.List;
import java.util.Optional;

import org.gridcase.system.ConflictException;
import org.gridcase.system.InvalidRequestException;
import org.gridcase.system.NotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mediation teams: who mediates in a community or a street, and what they are good at. */
@Service
@Transactional(readOnly = true)
public class MediationTeamService {

    private final MediationTeamRepository teams;
    private final UnitRepository units;

    MediationTeamService(MediationTeamRepository teams, UnitRepository units) {
        this.teams = teams;
        this.units = units;
    }

    public List<MediationTeamView> list() {
        return teams.findAll(Sort.by("code")).stream().map(MediationTeam::view).toList();
    }

    /** The active teams of a community or a street. */
    public List<MediationTeamView> activeIn(String unitCode) {
        return teams.findByUnitCodeAndActiveTrueOrderByCode(unitCode).stream().map(MediationTeam::view).toList();
    }

    public Optional<MediationTeamView> find(String code) {
        return teams.findById(code).map(MediationTeam::view);
    }

    public MediationTeamView get(String code) {
        return require(code).view();
    }

    @Transactional
    public MediationTeamView create(MediationTeamRequest request) {
        if (teams.existsById(request.code())) {
            throw new ConflictException("调解小组编码 " + request.code() + " 已存在");
        }
        MediationTeam team = new MediationTeam(request.code());
        describe(team, request);
        teams.save(team);
        return team.view();
    }

    @Transactional
    public MediationTeamView update(String code, MediationTeamRequest request) {
        MediationTeam team = require(code);
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidRequestException("code", "与路径中的编码 " + code + " 不一致；编码不能修改");
        }
        describe(team, request);
        return team.view();
    }

    private void describe(MediationTeam team, MediationTeamRequest request) {
        Unit unit = units.findById(request.unitCode()).orElseThrow(() -> new InvalidRequestException("unitCode",
                "单位 " + request.unitCode() + " 不存在"));
        if (unit.level() != UnitLevel.COMMUNITY && unit.level() != UnitLevel.STREET) {
            throw new InvalidRequestException("unitCode", "调解小组必须属于社区或街道");
        }
        team.describe(request.name().strip(), unit.code(), request.speciality(),
                request.active() == null || request.active(), request.mediators().stream()
                        .map(m -> new MediationTeam.Member(m.name().strip(),
                                m.role() == null || m.role().isBlank() ? null : m.role().strip()))
                        .toList());
    }

    private MediationTeam require(String code) {
        return teams.findById(code).orElseThrow(() -> new NotFoundException("调解小组 " + code + " 不存在"));
    }
}
