-- who to call when an enterprise has not filed: its registered contact (issue 15); optional, edited by administrators
alter table enterprise add column contact_person text check (contact_person is null or length(contact_person) between 1 and 50);
alter table enterprise add column contact_phone text check (contact_phone is null or contact_phone ~ '^[0-9+() -]{5,20}$');

-- when each token was last used (to the minute), for the administrator's token list
alter table api_token add column last_used_at timestamptz;
alter table gateway_token add column last_used_at timestamptz;
