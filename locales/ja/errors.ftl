# 問題の詳細（RFC 9457 の `detail` と `errors[].detail`）、日本語。
# 意味ごとのキーで引きます。応答の `code` は言語によって変わりません。
# $field は送られた項目名（`title`、`tags[1]`）。数は特に断りがなければ文字数です。

## リクエスト全体の問題
validation-summary = 入力内容に { $count } か所、直すところがあります。
missing-credentials = API キーを `Authorization: Bearer <API キー>` の形で送ってください。
rate-limited = 短い間にリクエストが多すぎます。{ $seconds } 秒たってからもう一度お試しください。
not-found = その ID の{ $what }は見つかりません。
route-not-found = このパスの API はありません。/openapi.json で確認してください。
method-not-allowed = このパスで使えるのは { $allowed } だけです。
payload-too-large = 送信データが上限（{ $kib } KB）を超えています。
body-timeout = 送信データが { $seconds } 秒以内に届きませんでした。もう一度送ってください。
uri-too-long = URL が上限（{ $limit } 文字）を超えています。長い文章は送信データ（本文）で送ってください。
unsupported-media-type = 送信データは JSON で、`Content-Type: application/json` を付けて送ってください。
internal = サーバー側で問題が起きました。記録済みですので、しばらくしてからお試しください。
database-unavailable = 現在データベースに接続できません。少し時間をおいてからもう一度お試しください。

## 「その ID の…は見つかりません」で使う呼び名
thing-question = 質問
thing-answer = 回答
thing-tip = ヒント
thing-win = 成果
thing-member = メンバー
thing-report = 報告
thing-subscription = 通知の登録
thing-delivery = 配信
thing-api-key = {" "}API キー
thing-resource = データ

## 本文とクエリーの読み取り
body-required = 送信データ（JSON）がありません
body-not-object = 送信データは {"{"} … {"}"} の形の JSON にしてください
body-malformed = 送信データが JSON の形になっていません（{ $line } 行目 { $column } 文字目あたり）
field-required = 「{ $field }」は必須です
field-unknown = 「{ $field }」はこのリクエストにない項目です。項目名を確かめてください
field-duplicate = 「{ $field }」が送信データに 2 回あります。1 回だけにしてください
field-must-be-text = 「{ $field }」は文字列で指定してください
field-must-be-integer = 「{ $field }」は整数で指定してください
field-must-be-number = 「{ $field }」は数値で指定してください
field-must-be-boolean = 「{ $field }」には、はい（true）かいいえ（false）を指定してください
field-must-be-list = 「{ $field }」はリスト（[ … ]）で指定してください
field-must-be-object = 「{ $field }」は {"{"} … {"}"} の形で指定してください
field-bad-choice = 「{ $field }」は { $choices } の{ $count ->
        [2] どちらか
       *[other] どれか
    }にしてください（「{ $got }」が送られました）
field-not-whole = 「{ $field }」は整数で指定してください
field-too-large = 「{ $field }」の値が大きすぎます
query-invalid = クエリーの「{ $field }」が正しくありません（{ $reason }）
query-not-flag = 「{ $field }」には、はい（true）かいいえ（false）を指定してください（True、FALSE、1、0 も使えます）
query-not-date = 「{ $field }」は日時で指定してください：2026-11-01T09:00:00+09:00、2026-11-01T09:00:00（社内の時間帯）または 2026-11-01

## 検索・通報・リンク・リアクション
search-control = 「{ $field }」に制御文字は使えません
search-too-many-words = 検索語は { $max } 語までです（{ $count } 語あります）
reason-required-to-hide = 投稿を非表示にするときは理由を書いてください。投稿した人に伝えます
link-invalid = リンクは http または https で始まる { $max } 文字以内の URL にしてください
reaction-kind-unknown = 「{ $kind }」というリアクションはありません。使えるのは { $allowed } です

## 入力された文章
text-empty = 「{ $field }」を入力してください
text-too-short = 「{ $field }」は { $min } 文字以上にしてください（いまは { $count } 文字です）
text-too-few-visible = 「{ $field }」には目に見える文字を { $min } 文字以上入れてください（いまは { $count } 文字です。空白や見えない文字は数えません）
text-too-long = 「{ $field }」は { $max } 文字以内にしてください（いまは { $count } 文字です）
text-one-line = 「{ $field }」は改行や制御文字を含まない 1 行にしてください（{ $char }が含まれています）
text-control = 「{ $field }」に制御文字は使えません（{ $char }が含まれています）

## タグ
tag-empty = タグを入力してください
tag-invisible = タグには目に見える文字を入れてください。空白や見えない文字は数えません
tag-too-long = タグは { $max } 文字以内にしてください（いまは { $count } 文字です）
tag-bad-character = タグに使えるのは文字、数字、「-」「_」「.」だけです（「{ $char }」が含まれています）{ $space ->
        [yes] 。空白の代わりに「-」を使ってください
       *[other] {""}
    }
tags-too-many = タグは { $max } 個までです（{ $count } 個あります）

## できる人が決まっている操作（403）
forbidden-role = この操作には{ $needed ->
    [admin] 管理者
    [moderator] モデレーター
   *[member] メンバー
}のロールが必要です（あなたのロールは{ $actual ->
    [admin] 管理者
    [moderator] モデレーター
   *[member] メンバー
}です）
forbidden-cross-site = ブラウザーで開いている tsunagu からの変更は、tsunagu のページから行ってください（ほかのサイトからのリクエストは受け付けません）
forbidden-question = この質問を{ $action ->
    [edit] 編集
   *[delete] 削除
}できるのは、質問した人かモデレーターだけです
forbidden-anonymous = 匿名にするかどうかを変えられるのは、質問した人だけです
forbidden-answer = この回答を{ $action ->
    [edit] 編集
   *[delete] 削除
}できるのは、回答した人かモデレーターだけです
forbidden-accept = ベストアンサーを選んだり取り消したりできるのは、質問した人だけです
forbidden-tip = このヒントを{ $action ->
    [edit] 編集
   *[delete] 削除
}できるのは、書いた人かモデレーターだけです
forbidden-feature = ヒントをおすすめにできるのはモデレーターだけです
forbidden-win = この成果を{ $action ->
    [edit] 編集
   *[delete] 削除
}できるのは、記録した人かモデレーターだけです
forbidden-create-tag = 前もってタグを作れるのはモデレーターと管理者だけです。メンバーは、質問などにタグを付けるとそのタグを作れます

## 自分の投稿にはできないこと（422）
own-question = 自分の質問に「私も」は付けられません
own-answer = 自分の回答にはリアクションできません
own-tip = 自分のヒントに「役に立った」は付けられません
own-kudos = 自分の{ $kind ->
    [answer] 回答
   *[win] 成果
}には称賛を送れません
own-post = 自分の{ $kind ->
    [question] 質問
    [answer] 回答
    [tip] ヒント
   *[win] 成果
}は報告できません。編集するか削除してください
own-role = 自分のロールは変更できません。ほかの管理者に依頼してください

## 競合など
email-taken = このメールアドレスは、すでに別のメンバーが使っています
not-retryable = やり直せるのは、有効なトリガーの失敗した配信だけです（この配信は「{ $status }」です）
report-resolved = この報告はすでに対応済みです（同じ投稿への別の報告で対応されたのかもしれません）。未対応の報告は「報告の一覧を取得する」で確認できます
post-deleted = 報告された投稿は削除されているため、非表示にできません。報告を却下してください
stale-etag = 読み込んだときから内容が変わったか、指定したバージョンが違います。もう一度読み込んでからやり直してください
idempotency-reused = この「二重登録を防ぐキー」（Idempotency-Key） は別のリクエストで使われています。新しいリクエストには新しいキーを使ってください
idempotency-in-progress = 同じ「二重登録を防ぐキー」 のリクエストをまだ処理しています。少し待ってからやり直してください
no-tip-left = { $level ->
    [beginner] 初級
    [intermediate] 中級
   *[advanced] 上級
}のヒントはすべて見ました。新しいヒントが書かれると表示されます。レベルは「自分の設定を更新する」で変えられます
no-tip-matches = このタグとレベルに合うヒントはまだありません

## 数・リスト・範囲
value-out-of-range = 「{ $field }」は { $min }～{ $max } の範囲で指定してください（{ $got } が送られました）
number-out-of-range = 「{ $field }」は { $min }～{ $max } の範囲にしてください
minutes-too-precise = 「{ $field }」は 0.1 分単位で指定してください（例：2.5）。{ $value } は細かすぎます
money-too-precise = 「{ $field }」は 0.01 単位で指定してください（例：1200.50）。{ $value } は細かすぎます
currency-invalid = 通貨は JPY や USD のような 3 文字の ISO 4217 コードで指定してください
list-too-many = 「{ $field }」は { $max } 個までです（{ $count } 個あります）
helped-by-missing = 見つからない{ $kind ->
    [questions] 質問
   *[tips] ヒント
}があります：{ $ids }
range-order = 開始日時は終了日時より前にしてください
range-too-long = 期間は 10 年までにしてください
after-negative = 「{ $field }」は 0 以上にしてください
cursor-invalid = 「続きの位置」が正しくありません。同じ並び順・同じ検索条件で取得した前のページの「次のページの位置」を使ってください
event-type-unknown = 「{ $name }」というイベントの種類はありません。使えるのは { $known } です

## ヘッダーとトリガー
idempotency-key-invalid = Idempotency-Key（再送しても二重に登録しないためのキー）は、空白を含まない 1～255 文字の半角英数記号にしてください
if-match-invalid = 「編集前のバージョン」（If-Match）には、読み込んだときの ETag（半角 { $max } 文字以内）か * を指定してください
secret-invalid = 署名用のシークレットは、whsec_ に続けて 24～64 バイトの乱数を base64 にしたものにしてください
unknown-tag = 「{ $tag }」というタグの付いた質問・ヒント・成果はないため、このトリガーは動きません。一覧からタグを選んでください（モデレーターは「タグを作成する」で前もってタグを作れます）
unknown-tag-near = 「{ $tag }」というタグの付いた質問・ヒント・成果はないため、このトリガーは動きません。「{ $near }」のことですか？一覧からタグを選んでください（モデレーターは「タグを作成する」で前もってタグを作れます）
email-invalid = 「{ $value }」はメールアドレス（name@example.com のような形）ではありません

## 401: the credential was refused (the `code` is always `unauthorized`).
unauthorized-unknown-key = この API キーは登録されていないか、無効にされています。「API キーを作成する」で新しいキーを作るか、tsunagu の管理者に相談してください。
unauthorized-not-a-key = { $header } の値は tsunagu の API キーではありません（API キーは `tsu_` で始まります）。
unauthorized-provider-tokens-off = このサーバーは ID プロバイダーのサインイン トークンを受け付けていません。tsunagu の API キーを使ってください。
unauthorized-no-subject = サインイン トークンに、誰のものかが書かれていません（subject がありません）。
unauthorized-token-inactive = サインイン トークンの期限が切れたか、無効にされています。もう一度サインインしてください。
unauthorized-repeated-credential = 資格情報は 1 つだけ送ってください。資格情報のヘッダーが重複しています。
unauthorized-two-credentials = 資格情報は 1 つだけ送ってください。X-Api-Key と Authorization のどちらか一方です。
unauthorized-session-member-gone = このブラウザーでサインインしていたメンバーは、もう存在しません。
unauthorized-signed-out = このブラウザーはサインアウトしました。もう一度サインインしてください。
unauthorized-not-text = Authorization ヘッダーが正しい文字列ではありません。
unauthorized-use-bearer = `Authorization: Bearer <API キー>` の形で送ってください。
unauthorized-metrics-token = メトリクス用のトークンを `Authorization: Bearer <トークン>` の形で送ってください。
token-malformed = サインイン トークンを読み取れません。
token-algorithm = サインイン トークンが、tsunagu の受け付けない方式で署名されています。
token-unknown-key = サインイン トークンが、ID プロバイダーの公開していない鍵で署名されています。
token-invalid = サインイン トークンが有効ではありません（{ $reason }）。もう一度サインインしてください。
token-issuer = サインイン トークンが、別の ID プロバイダーから発行されています。
token-tenant = サインイン トークンが、このサーバーの受け付けない組織（テナント）のものです。
token-nonce = サインインがこのブラウザーのものと一致しません。/auth/login からやり直してください。
signin-refused-by-provider = ID プロバイダーがサインインを拒否しました: { $reason }
signin-code-refused = ID プロバイダーがサインインのコードを拒否しました（{ $reason }）。/auth/login からやり直してください。
signin-no-id-token = ID プロバイダーから ID トークンが返されませんでした。/auth/login からやり直してください。

## How values inside sentences read (see i18n::Message::render).
field-item = { $label }（{ $position } 番目）
char-000a = 改行
char-000d = 改行
char-0009 = タブ
char-2028 = 行区切り
char-2029 = 段落区切り

## More field problems.
field-out-of-range = 「{ $field }」の値が使える範囲の外です
field-invalid = 「{ $field }」の値が正しくありません（{ $reason }）
body-unreadable = 送信データを読み取れませんでした（{ $reason }）。もう一度送ってください
callback-invalid = 「{ $field }」は https:// から始まる完全な URL にしてください
callback-not-https = 「{ $field }」は https の URL にしてください
callback-private = 「{ $field }」が社外から見えないアドレス（{ $value }）を指しています。Webhook の送信先は公開された HTTPS のエンドポイントだけです
callback-unresolvable = 「{ $field }」のホスト { $value } が見つかりません（DNS で解決できません）
signin-no-pending = このブラウザーで進行中のサインインがありません（10 分で期限切れになったか、Cookie がブロックされています）。/auth/login からやり直してください
signin-state-mismatch = サインインの状態が一致しません。/auth/login からやり直してください
signin-no-code = ID プロバイダーから認可コードが送られてきませんでした。/auth/login からやり直してください
gone-meanwhile = 操作しようとしたものは、たったいま削除されました。読み込み直してからやり直してください。
char-0020 = 空白
char-3000 = 全角の空白
query-duplicate = 「{ $field }」が URL に 2 回あります。1 回だけにしてください
query-no-such-day = 「{ $field }」の { $value } はカレンダーにない日付です
query-year-range = 「{ $field }」の年は 1900～2999 にしてください
