-- What the credit check saw when the order was placed (invariant 11): balance + open orders + this order, and the
-- limit. Null for orders placed before this was kept, and for free replacement orders, which add no exposure.
ALTER TABLE sales_order ADD COLUMN credit_exposure NUMERIC(19, 4);
ALTER TABLE sales_order ADD COLUMN credit_limit NUMERIC(19, 4);
