-- Which documents a trading partner wants on its EDI orders besides the answers to them: ship notices (856, DESADV)
-- when a shipment leaves, invoices (810, INVOIC) when one is issued. Partners made before want neither.
ALTER TABLE edi_partner ADD COLUMN ship_notices BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE edi_partner ADD COLUMN invoices BOOLEAN DEFAULT FALSE NOT NULL;

-- The shipment or invoice an outbound document was sent for: one document each at most, so an event delivered again
-- sends nothing twice.
ALTER TABLE edi_document ADD COLUMN source_id UUID;
CREATE UNIQUE INDEX edi_document_source_once ON edi_document (source_id);
