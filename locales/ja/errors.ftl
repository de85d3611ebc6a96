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
payload-too-large = リクエストの本文が上限（{ $limit } バイト）を超えています。
body-timeout = リクエストの本文が { $seconds } 秒以内に届きませんでした。もう一度送ってください。
uri-too-long = URL が上限（{ $limit } 文字）を超えています。長い文章はリクエストの本文で送ってください。
unsupported-media-type = リクエストの本文は JSON で、`Content-Type: application/json` を付けて送ってください。
internal = サーバー側で問題が起きました。記録済みですので、しばらくしてからお試しください。

## 「その ID の…は見つかりません」で使う呼び名
thing-question = 質問
thing-answer = 回答
thing-tip = ヒント
thing-win = 成果
thing-member = メンバー
thing-report = 通報
thing-subscription = トリガーの登録
thing-delivery = 配信
thing-api-key = API キー
thing-resource = データ
thing-reaction-kind = リアクションの種類

## 本文とクエリーの読み取り
body-required = リクエストに JSON の本文が必要です
body-not-object = リクエストの本文は JSON のオブジェクト（{"{"} … {"}"}）にしてください
body-malformed = 本文が正しい JSON ではありません（{ $reason }）
field-required = 「{ $field }」は必須です
field-unknown = 「{ $field }」はこのリクエストにない項目です。項目名を確かめてください
field-duplicate = 「{ $field }」が本文に 2 回あります。1 回だけにしてください
field-must-be-text = 「{ $field }」は文字列で指定してください
field-must-be-integer = 「{ $field }」は整数で指定してください
field-must-be-number = 「{ $field }」は数値で指定してください
field-must-be-boolean = 「{ $field }」は true か false で指定してください
field-must-be-list = 「{ $field }」はリスト（[ … ]）で指定してください
field-must-be-object = 「{ $field }」はオブジェクトで指定してください
field-bad-choice = 「{ $field }」は { $choices } のどれかにしてください（「{ $got }」が送られました）
field-not-whole = 「{ $field }」は整数で指定してください
field-too-large = 「{ $field }」の値が大きすぎます
query-invalid = クエリーの「{ $field }」が正しくありません（{ $reason }）
query-not-flag = 「{ $field }」は true か false で指定してください（True、FALSE、1、0 も使えます）
query-not-date = 「{ $field }」は日時で指定してください：2026-11-01T09:00:00+09:00、2026-11-01T09:00:00（社内の時間帯）または 2026-11-01

## 入力された文章
text-empty = 「{ $field }」を入力してください
text-too-short = 「{ $field }」は { $min } 文字以上にしてください（いまは { $count } 文字です）
text-too-few-visible = 「{ $field }」には目に見える文字を { $min } 文字以上入れてください（いまは { $count } 文字です。空白や見えない文字は数えません）
text-too-long = 「{ $field }」は { $max } 文字以内にしてください（いまは { $count } 文字です）
text-one-line = 「{ $field }」は改行や制御文字を含まない 1 行にしてください（{ $char } が含まれています）
text-control = 「{ $field }」に制御文字は使えません（{ $char } が含まれています）

## タグ
tag-empty = タグを入力してください
tag-invisible = タグには目に見える文字を入れてください。空白や見えない文字は数えません
tag-too-long = タグは { $max } 文字以内にしてください（いまは { $count } 文字です）
tag-bad-character = タグに使えるのは文字、数字、「-」「_」「.」だけです（「{ $char }」が含まれています）。空白の代わりに「-」を使ってください
tags-too-many = タグは { $max } 個までです（{ $count } 個あります）
