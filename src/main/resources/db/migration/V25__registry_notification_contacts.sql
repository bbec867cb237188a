-- Where notifications reach the registry's people (issue 14): a unit's or a department's duty group robot in
-- WeCom (企业微信, its webhook URL) and DingTalk (钉钉, its webhook URL and the signing secret of its 加签 setting),
-- and each member of staff's choice of channels besides the workbench's bell. Portable SQL (H2 and PostgreSQL).
ALTER TABLE registry_unit ADD COLUMN wecom_webhook VARCHAR(500);
ALTER TABLE registry_unit ADD COLUMN dingtalk_webhook VARCHAR(500);
ALTER TABLE registry_unit ADD COLUMN dingtalk_secret VARCHAR(200);

ALTER TABLE registry_department ADD COLUMN wecom_webhook VARCHAR(500);
ALTER TABLE registry_department ADD COLUMN dingtalk_webhook VARCHAR(500);
ALTER TABLE registry_department ADD COLUMN dingtalk_secret VARCHAR(200);

-- INAPP: the bell only; SMS: the bell and a text message; EMAIL: the bell and an e-mail
ALTER TABLE registry_staff ADD COLUMN notify_by VARCHAR(16) DEFAULT 'INAPP' NOT NULL;
ALTER TABLE registry_staff ADD CONSTRAINT registry_staff_notify_by_check CHECK (notify_by IN ('INAPP', 'SMS', 'EMAIL'));
