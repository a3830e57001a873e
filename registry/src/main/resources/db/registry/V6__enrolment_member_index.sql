-- Issue 13: enrolment_member (member_id) repeated the leading column of the unique (member_id, programme),
-- which answers every lookup of a person's enrolments and the foreign key's check when a member goes:
-- one index entry less for every enrolment an import writes.
drop index enrolment_member;
