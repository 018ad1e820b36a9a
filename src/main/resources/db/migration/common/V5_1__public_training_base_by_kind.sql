-- Whether a filed body is a public training base follows its kind (公共实训基地): the kind is
-- the one source, and the flag, which the annual figures once counted, says the same. Bodies
-- of that kind filed without the flag gain it; bodies of other kinds lose it. From now on the
-- database refuses a flag that disagrees with the kind.
UPDATE filed_body SET public_training_base = (kind = 'PUBLIC_TRAINING_BASE')
  WHERE public_training_base <> (kind = 'PUBLIC_TRAINING_BASE');
ALTER TABLE filed_body ADD CONSTRAINT filed_body_public_training_base_ck
  CHECK (public_training_base = (kind = 'PUBLIC_TRAINING_BASE'));
