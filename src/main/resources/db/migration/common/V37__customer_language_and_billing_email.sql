-- The language of a customer's letters and messages (a BCP 47 tag: en, zh-CN), and an address for invoices and
-- reminders apart from the order contact's.
ALTER TABLE customer ADD COLUMN language VARCHAR(16) DEFAULT 'en' NOT NULL;
ALTER TABLE customer ADD COLUMN billing_email VARCHAR(254);

-- Until now the reminder letters were in Chinese for a billing address in a Chinese-speaking country: those customers
-- keep their language.
UPDATE customer SET language = 'zh-CN' WHERE billing_country IN ('CN', 'HK', 'MO', 'TW');
