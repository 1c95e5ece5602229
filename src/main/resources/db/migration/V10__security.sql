-- One row that the start-up steps of every node lock (select ... for update) while they create or update
-- shared things: Camunda groups, grants and users, the first administrator, the Tasklist filters. Two nodes
-- starting at once on one database take turns instead of creating the same group twice or failing on an
-- optimistic lock (see common.StartupLock).
create table startup_lock (
    name varchar(40) primary key
);
insert into startup_lock (name) values ('startup');
