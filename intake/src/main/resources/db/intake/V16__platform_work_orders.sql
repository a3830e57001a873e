-- The 12345 exchange: a report filed from a work order of the provincial hotline platform carries
-- the platform's order number. Unique, so that an order sent again (by any of the platform's
-- clients, whatever idempotency receipt it comes under) can never file a second report.
alter table report add column order_number text;
alter table report add constraint report_order_number_unique unique (order_number);
