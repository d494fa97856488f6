-- The shipped reference set 2026.11.3 (2023 regional-grid electricity factors and grid membership, HFC-23 and
-- further statutory items; docs/methodology.md "Changes to the shipped set"). Regions that account with the shipped
-- set move to it; results keep the version they were computed with until recomputed.
insert into factor_set (id, version, publication, content)
values ('peakline-reference', '2026.11.3', 'shipped with Peakline (docs/methodology.md)', '')
on conflict do nothing;

update region_factor_set set set_version = '2026.11.3'
where set_id = 'peakline-reference' and set_version = '2026.11.2';
