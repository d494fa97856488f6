-- The uncertainty an enterprise states for a filed amount and for its emission factor (%, half-width of the 95 %
-- interval), for the total's uncertainty by IPCC Approach 1; null when not stated.
alter table filing_activity add column uncertainty numeric check (uncertainty between 0 and 100);
alter table filing_activity add column factor_uncertainty numeric check (factor_uncertainty between 0 and 100);
