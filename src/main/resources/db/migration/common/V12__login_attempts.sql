-- Failed interactive logins per username, for the lockout of the pages (5 failures lock for 15 minutes). In the
-- database, not in memory, so that a lock holds on every node. A row exists only while there are failures to count.
CREATE TABLE login_attempt (
    username      VARCHAR(100) PRIMARY KEY,
    failures      INTEGER      NOT NULL,
    last_failure  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);
