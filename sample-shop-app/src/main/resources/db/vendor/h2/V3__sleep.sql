-- The chaos knob for database latency runs "select pg_sleep(?)" on both databases.
create alias pg_sleep for 'dev.vantage.sample.shop.chaos.H2Functions.pgSleep';
