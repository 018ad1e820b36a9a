-- 冠名班: the named class, a project-based class naming its employer like the order class
-- (issue 19). Owned by the training module.
ALTER TABLE training_class DROP CONSTRAINT training_class_type_ck;
ALTER TABLE training_class ADD CONSTRAINT training_class_type_ck CHECK (class_type IN ('REGULAR','ORDER','NAMED','POST','DIRECTED'));
