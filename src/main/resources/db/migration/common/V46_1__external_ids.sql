-- Which outside system's id names which customer or product, so that PUT /api/customers/external/{system}/{externalId}
-- (and the products' twin) creates once and updates after. The primary key is what keeps two concurrent first PUTs from
-- creating two: the second one's insert waits for the first's commit, fails, and is retried as an update.
CREATE TABLE customer_external_id (
    system      VARCHAR(40)  NOT NULL,
    external_id VARCHAR(200) NOT NULL,
    customer_id UUID         NOT NULL REFERENCES customer (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (system, external_id)
);
CREATE INDEX customer_external_id_customer_idx ON customer_external_id (customer_id);

CREATE TABLE product_external_id (
    system      VARCHAR(40)  NOT NULL,
    external_id VARCHAR(200) NOT NULL,
    sku         VARCHAR(64)  NOT NULL REFERENCES product (sku),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (system, external_id)
);
CREATE INDEX product_external_id_sku_idx ON product_external_id (sku);
