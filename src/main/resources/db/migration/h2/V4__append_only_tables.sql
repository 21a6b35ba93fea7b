-- H2 (the embedded default for a first look) has no PL/pgSQL triggers; the hash chain still detects tampering.
SELECT 1;
