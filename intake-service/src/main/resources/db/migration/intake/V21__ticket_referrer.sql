-- INT-01 QLT-03: who forwarded an INTERNAL_REFERRAL (a salesperson or another department), so that quality can answer
-- each salesperson's reported failures early the next month. Registration requires it for that channel and refuses it
-- for the others; tickets registered before, and a defect campaign's outreach tickets, have none.
ALTER TABLE ticket
    ADD COLUMN referred_by_name       text,
    ADD COLUMN referred_by_department text
        CHECK (referred_by_department IN ('SALES', 'ENGINEERING', 'PRODUCTION', 'QUALITY', 'PURCHASING', 'WAREHOUSE',
                                          'LOGISTICS', 'AFTER_SALES', 'OTHER')),
    ADD CONSTRAINT ticket_referrer_whole CHECK ((referred_by_name IS NULL) = (referred_by_department IS NULL));
