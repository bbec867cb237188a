-- The evaluation's facts of a dispute in mediation, one row per case beside its case_fact: who mediated and how it
-- ended, for 化解率 and its joint-mediation and guided counts. Kept in step by the evaluation from the mediation
-- module's DisputeRecorded, in the same transaction as the step; the disputes mediated before this existed are
-- filled in below from the mediation record (the same rule as MediationRecords#announce).
CREATE TABLE mediation_fact (
    case_number          VARCHAR(32)  NOT NULL PRIMARY KEY,
    mediation_level      VARCHAR(16),           -- COMMUNITY, STREET; NULL until a mediator is confirmed
    mediator             VARCHAR(100),          -- the mediation team (调解组织) by the name confirmed
    agreement_performed  BOOLEAN      NOT NULL, -- the latest agreement performed at the follow-up (履行回访)
    joint_mediation      BOOLEAN      NOT NULL, -- failed, the street's joint mediation (联合调解) asked for
    guided               BOOLEAN      NOT NULL, -- failed, guided to arbitration, court or petition
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mediation_fact_mediator_idx ON mediation_fact (mediator);

INSERT INTO mediation_fact (case_number, mediation_level, mediator, agreement_performed, joint_mediation, guided,
        updated_at)
SELECT m.case_number, m.mediation_level, m.mediator_name,
       COALESCE((SELECT a.performed FROM mediation_agreement a WHERE a.case_number = m.case_number
                  ORDER BY a.id DESC LIMIT 1), FALSE),
       EXISTS (SELECT 1 FROM mediation_session s WHERE s.case_number = m.case_number
                  AND s.no_agreement_route = 'JOINT_MEDIATION'),
       EXISTS (SELECT 1 FROM mediation_session s WHERE s.case_number = m.case_number
                  AND s.no_agreement_route = 'GUIDED'),
       CURRENT_TIMESTAMP
  FROM mediation_case m;
