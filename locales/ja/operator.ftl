### Messages for whoever runs the server (`tsunagu` on the command line, its logs), in
### TSUNAGU_DEFAULT_LANGUAGE. Each says what is wrong, where, and what to do.

## Opening the database (TSUNAGU_DATABASE_URL).
db-folder-missing = SQLite データベース { $file } を開けません。フォルダー { $folder } がありません。フォルダーを作成するか、TSUNAGU_DATABASE_URL に存在するフォルダーのファイルを指定してください。
db-file-read-only = SQLite データベース { $file } は、このユーザーでは読み取り専用です。tsunagu を動かすユーザーが書き込めるようにする（chmod u+w や chown）か、TSUNAGU_DATABASE_URL に別のファイルを指定してください。
db-folder-read-only = { $folder } に書き込めません。SQLite はそこに { $file } と -wal、-shm ファイルを作ります。tsunagu を動かすユーザーがフォルダーに書き込めるようにするか、TSUNAGU_DATABASE_URL に書き込めるフォルダーのファイルを指定してください。
db-postgres-unreachable = PostgreSQL（{ $address }、データベース { $database }）に接続できません: { $cause }。PostgreSQL が動いていてそのアドレスで待ち受けているか（postgresql.conf の listen_addresses と port）、ファイアウォールがこのマシンからの接続を通すか、pg_hba.conf と TSUNAGU_DATABASE_URL のユーザー名・パスワードで接続が許されるかを確認してください。
db-timed-out = 10 秒以内に応答がありません

## Starting and the command line.
listen-in-use = { $address } で待ち受けできません。ほかのプログラムがそのポートを使っています。そのプログラムを止めるか、TSUNAGU_BIND に別のアドレス（例: 127.0.0.1:8081）を設定してください。
listen-failed = { $address }（TSUNAGU_BIND）で待ち受けできません: { $cause }
db-path-is-folder = SQLite データベース { $file } はフォルダーです。TSUNAGU_DATABASE_URL にはその中のファイルを指定してください（例: sqlite://{ $file }/tsunagu.db）。
db-not-sqlite = { $file } は SQLite データベースではありません（{ $cause }）。TSUNAGU_DATABASE_URL に tsunagu のデータベースファイルか、新しいファイル名を指定してください。
db-sqlite-cannot-open = SQLite データベース { $file } を開けません: { $cause }。パスが正しいか、tsunagu を動かすユーザーが読み書きできるかを確認してください。
cli-cannot-write-package = パッケージを { $folder } に書き込めません: { $cause }。--out にはフォルダーを指定してください（なければ作成します）。
serve-first-admin-key = 新しいデータベースです。管理者の API キーを作成しました。表示されるのはこの一度だけです:
serve-try-it = 試してみましょう:
serve-serving = tsunagu は { $base } で動いています（{ $backend } データベース）
cli-backup-written = バックアップを { $file } に書き込みました
cli-migrated = マイグレーションを適用しました（{ $backend }）
cli-member-created = メンバー { $id }（{ $name }）を作成しました
cli-package-written = { $count } 個のファイルを { $folder } に書き込みました
