-- Issue 18: a payment (its bank reference, compared without case and surrounding blanks) is recorded once.
-- Payments without a reference are not compared. Payments recorded twice before this rule stay; each later
-- copy gets a key of its own.
alter table payment add column reference_key varchar(240);
update payment set reference_key = lower(trim(reference)) where reference is not null and trim(reference) <> '';
update payment set reference_key = reference_key || '#' || id
 where reference_key is not null
   and exists (select 1 from payment earlier
                where earlier.reference is not null and lower(trim(earlier.reference)) = payment.reference_key
                  and earlier.id < payment.id);
alter table payment add constraint uk_payment_reference_key unique (reference_key);
