-- Energy used as raw material (原料用能, 发改环资〔2022〕803号): part of energy_tce, kept apart so that energy totals and
-- intensities for energy-consumption control can leave it out. Results from before this column read 0 until recomputed.
alter table account_result add column feedstock_tce double precision not null default 0;
