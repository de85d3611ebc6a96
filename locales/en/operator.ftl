### Messages for whoever runs the server (`tsunagu` on the command line, its logs), in
### TSUNAGU_DEFAULT_LANGUAGE. Each says what is wrong, where, and what to do.

## Opening the database (TSUNAGU_DATABASE_URL).
db-folder-missing = cannot open the SQLite database { $file }: the folder { $folder } does not exist. Create it, or set TSUNAGU_DATABASE_URL to a file in a folder that exists.
db-file-read-only = the SQLite database { $file } is read-only for this user. Make it writable for the user running tsunagu (chmod u+w, or chown), or set TSUNAGU_DATABASE_URL to another file.
db-folder-read-only = cannot write in { $folder }: SQLite creates { $file } and its -wal and -shm files there. Make the folder writable for the user running tsunagu, or set TSUNAGU_DATABASE_URL to a file in a writable folder.
db-postgres-unreachable = cannot connect to PostgreSQL at { $address } (database { $database }): { $cause }. Check that PostgreSQL runs and listens on that address (listen_addresses and port in postgresql.conf), that a firewall lets this machine through, and that pg_hba.conf, the user name and the password in TSUNAGU_DATABASE_URL allow it.
db-timed-out = no answer within 10 seconds
