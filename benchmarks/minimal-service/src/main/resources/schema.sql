create table plan (id int primary key, name varchar(64) not null, monthly_fee int not null);
create table account (id int primary key, owner varchar(64) not null, balance bigint not null);
create table ledger (id bigint auto_increment primary key, account_id int not null, amount bigint not null,
  created_at timestamp default current_timestamp not null);
