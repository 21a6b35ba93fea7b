-- A user's roles, one row each, instead of a comma-separated list in app_user.roles: users are found by role through
-- an index instead of roles LIKE '%ADMIN%'. The existing lists move over role by role (a role is one of Role's names).
CREATE TABLE app_user_role (
    username VARCHAR(100) NOT NULL REFERENCES app_user (username),
    role     VARCHAR(20)  NOT NULL,
    PRIMARY KEY (username, role)
);
CREATE INDEX app_user_role_role_idx ON app_user_role (role, username);

INSERT INTO app_user_role (username, role)
SELECT u.username, r.role
FROM app_user u
JOIN (VALUES ('ADMIN'), ('SALES'), ('WAREHOUSE'), ('ACCOUNTING'), ('SUPPORT'), ('CUSTOMER')) AS r (role)
    ON ',' || REPLACE(u.roles, ' ', '') || ',' LIKE '%,' || r.role || ',%';

ALTER TABLE app_user DROP COLUMN roles;
