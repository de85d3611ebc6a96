### The members' pages (`src/web/`, `templates/`).

web-skip = 本文へ移動
web-signed-in-as = { $name } さんとしてサインイン中
web-signout = サインアウト
web-error-title = うまく表示できませんでした
web-back-home = ホームへ戻る
web-signin-title = tsunagu にサインイン
web-signin-company = 会社のアカウントでサインイン
web-signin-trial = お試しモード：このサーバーには会社のサインインがまだ設定されていません。個人用の tsunagu API キー（tsu_ で始まります）を貼り付けてください。キーは管理者からもらえます。
web-signin-key = API キー
web-signin-submit = サインイン
web-signin-not-a-key = tsunagu の API キーではありません（API キーは tsu_ で始まる 47 文字です）。
web-signin-unknown-key = この API キーは登録されていないか、無効にされています。tsunagu の管理者に新しいキーを頼んでください。
web-signin-use-company = 会社のアカウントでサインインしてください。API キーはフローやアプリ用です。
web-form-expired = フォームの有効期限が切れました。もう一度お試しください。
web-home-title = 質問
web-home-tag = 「{ $tag }」タグの質問です。
web-home-all = すべて表示
web-home-waiting = 回答を待っている質問
web-home-none-waiting = すべての質問に回答があります。ありがとうございます！
web-home-newest = 新しい質問
web-home-none = まだ質問はありません。最初の質問をしてみましょう。
web-anonymous = 匿名
web-yours-anonymous = あなたが匿名で質問しました（自分の質問だとわかるのはあなただけです）
web-answer-count = { $count ->
    [0] 回答はまだありません
   *[other] 回答 { $count } 件
}
web-no-answers = まだ回答はありません。
web-best-answer = ベストアンサー
web-yours-anonymous-short = あなた（匿名）
