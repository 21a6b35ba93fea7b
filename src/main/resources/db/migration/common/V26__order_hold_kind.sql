-- Why an order is on hold: CREDIT (the credit check at placement or on a change) or MANUAL (a person held it). A credit
-- hold is released only by someone other than who placed the order (separation of duties). Holds of orders placed before
-- this are classified by the text the credit check wrote.
ALTER TABLE sales_order ADD COLUMN hold_kind VARCHAR(16);
UPDATE sales_order SET hold_kind = CASE WHEN hold_reason LIKE 'credit limit exceeded%' THEN 'CREDIT' ELSE 'MANUAL' END
WHERE status = 'ON_HOLD';
