ALTER TABLE `agencies` ADD `short_name_ko` text;--> statement-breakpoint
-- Databases seeded before agencies had short names get the ones GLOSSARY.md lists (by code).
UPDATE `agencies` SET `short_name_ko` = CASE `code`
  WHEN 'MSIT' THEN '과기정통부' WHEN 'MOTIE' THEN '산업부' WHEN 'MOHW' THEN '복지부' WHEN 'MOFA' THEN '외교부'
  WHEN 'NSO' THEN '안보실' WHEN 'KATS' THEN '국표원' WHEN 'KRISS' THEN '표준연' WHEN 'KESCO' THEN '한국전기안전공사'
  WHEN 'DOS' THEN '미 국무부' WHEN 'DOC' THEN '미 상무부' WHEN 'DOE' THEN '미 에너지부'
  WHEN 'NSF' THEN 'NSF' WHEN 'NIH' THEN 'NIH' WHEN 'NIST' THEN 'NIST' WHEN 'PNNL' THEN 'PNNL' END
WHERE `short_name_ko` IS NULL AND `code` IN ('MSIT','MOTIE','MOHW','MOFA','NSO','KATS','KRISS','KESCO','DOS','DOC','DOE','NSF','NIH','NIST','PNNL');
