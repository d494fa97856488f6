-- A token is revoked by its name: each user's unrevoked tokens have distinct names. Older duplicates are revoked first.
alter table api_token add column revoked_at timestamptz;

update api_token t set revoked = true, revoked_at = now()
where not t.revoked
  and exists (select 1 from api_token u
              where u.user_id = t.user_id and u.name = t.name and not u.revoked
                and (u.created_at, u.token_hash) > (t.created_at, t.token_hash));

create unique index api_token_active_name on api_token (user_id, name) where not revoked;
