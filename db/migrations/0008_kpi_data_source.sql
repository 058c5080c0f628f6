-- Where a KPI's number comes from (a system, a report, a person): alliance managers are asked it
-- whenever two parties read the same KPI differently.
ALTER TABLE kpis ADD COLUMN data_source TEXT NOT NULL DEFAULT '';
