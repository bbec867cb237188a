-- Mediation teams (调解小组) of a community's (or a street's) people's mediation committee, and their mediators:
-- party members, social workers, grid workers, volunteers, each with a speciality. MediatorProposal.dmn proposes a
-- speciality and a level; the team of that unit with that speciality and the fewest open mediations is proposed.
CREATE TABLE registry_mediation_team (
    code       VARCHAR(32)  NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    unit_code  VARCHAR(20)  NOT NULL REFERENCES registry_unit (code), -- a community, or a street
    speciality VARCHAR(16)  NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT registry_mediation_team_speciality_check
        CHECK (speciality IN ('PROPERTY_LAW', 'PLUMBING', 'COUNSELLING', 'COMPREHENSIVE'))
);

CREATE TABLE registry_mediator (
    team_code  VARCHAR(32)  NOT NULL REFERENCES registry_mediation_team (code),
    seq        INT          NOT NULL, -- the order the team lists its mediators
    name       VARCHAR(50)  NOT NULL,
    role       VARCHAR(50),  -- 党员, 社工, 网格员, 志愿者, 律师 ...
    PRIMARY KEY (team_code, seq)
);
