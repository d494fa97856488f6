-- How each filed activity amount was obtained (数据质量等级): measured, calculated, estimated or a default value;
-- null when the enterprise did not state it (lines filed before this column).
alter table filing_activity add column quality text
    check (quality in ('MEASURED', 'CALCULATED', 'ESTIMATED', 'DEFAULT'));
