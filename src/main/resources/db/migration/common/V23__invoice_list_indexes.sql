-- The accountants' invoice list: newest first over all invoices, and filtered by issue date.
CREATE INDEX invoice_created_idx ON invoice (created_at);
CREATE INDEX invoice_issue_date_idx ON invoice (issue_date);
