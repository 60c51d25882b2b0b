-- PostgreSQL has pg_sleep; nothing to add.
select 1;
