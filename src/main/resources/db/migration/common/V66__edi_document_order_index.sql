-- Every shipped order asks whether it came by EDI (its inbound document, for the ship notice and the invoice): without
-- this index that question reads every EDI document ever received.
CREATE INDEX edi_document_order_idx ON edi_document (order_id);
