-- The zone a user reads times in (a zone id such as Asia/Shanghai); null: the company's zone (ordo.company.time-zone).
ALTER TABLE app_user ADD time_zone VARCHAR(64);
