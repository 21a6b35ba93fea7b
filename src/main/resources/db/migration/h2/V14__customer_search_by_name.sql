-- H2 has no trigram indexes: the embedded default reads the customer table for a search by name.
SELECT 1;
