### Messages for whoever runs the server (`tsunagu` on the command line, its logs), in
### TSUNAGU_DEFAULT_LANGUAGE. Each says what is wrong, where, and what to do.

## Opening the database (TSUNAGU_DATABASE_URL).
db-folder-missing = cannot open the SQLite database { $file }: the folder { $folder } does not exist. Create it, or set TSUNAGU_DATABASE_URL to a file in a folder that exists.
db-file-read-only = the SQLite database { $file } is read-only for this user. Make it writable for the user running tsunagu (chmod u+w, or chown), or set TSUNAGU_DATABASE_URL to another file.
db-folder-read-only = cannot write in { $folder }: SQLite creates { $file } and its -wal and -shm files there. Make the folder writable for the user running tsunagu, or set TSUNAGU_DATABASE_URL to a file in a writable folder.
db-postgres-unreachable = cannot connect to PostgreSQL at { $address } (database { $database }): { $cause }. Check that PostgreSQL runs and listens on that address (listen_addresses and port in postgresql.conf), that a firewall lets this machine through, and that pg_hba.conf, the user name and the password in TSUNAGU_DATABASE_URL allow it.
db-timed-out = no answer within 10 seconds

## Starting and the command line.
listen-in-use = cannot listen on { $address }: another program already uses that port. Stop it, or set TSUNAGU_BIND to another address (e.g. 127.0.0.1:8081).
listen-failed = cannot listen on { $address } (TSUNAGU_BIND): { $cause }
db-path-is-folder = the SQLite database { $file } is a folder. Set TSUNAGU_DATABASE_URL to a file inside it, e.g. sqlite://{ $file }/tsunagu.db.
db-not-sqlite = { $file } is not a SQLite database ({ $cause }). Set TSUNAGU_DATABASE_URL to tsunagu's database file, or to a new file name.
db-sqlite-cannot-open = cannot open the SQLite database { $file }: { $cause }. Check that the path is right and that the user running tsunagu may read and write it.
cli-cannot-write-package = cannot write the package to { $folder }: { $cause }. Give --out a folder (it is created if missing).
serve-first-admin-key = This is a new database. An admin API key was created; it is shown only this once:
serve-try-it = Try it:
serve-serving = tsunagu is serving on { $base } ({ $backend } database)
cli-backup-written = backup written to { $file }
cli-migrated = migrations applied ({ $backend })
cli-member-created = created member { $id } ({ $name })
cli-package-written = wrote { $count } files to { $folder }
