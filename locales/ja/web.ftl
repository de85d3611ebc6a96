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
web-ask-title = 質問する
web-ask-welcome = 「こんなこと聞いていいのかな」と思う質問こそ歓迎です。同じことで迷った人がきっといます。
web-fix-these = 次の点を直してください：
web-ask-field-title = 質問を 1 行で
web-ask-title-hint = 5〜150 文字。例：「承認が差し戻されたときに申請者へ通知するには？」
web-ask-field-body = 詳しい内容
web-ask-body-hint = 試したことと、どうなったか。Markdown が使えます（**太字**、箇条書き、`コード`）。20,000 文字まで。
web-ask-field-tags = タグ（任意）
web-ask-tags-hint = 5 個まで。空白かカンマで区切ります。例：approvals sharepoint
web-ask-anonymous-legend = 名前を見せる相手
web-ask-anonymous = 匿名で質問する
web-ask-anonymous-hint = あなたが質問したことは、ほかのメンバーにも、モデレーターにも、管理者にも表示されません。あなたには自分の質問として表示され、ベストアンサーを選んだりお礼を伝えたりできます。あとから名前を出すこともできます。
web-ask-submit = 質問を投稿する
web-asked = 質問を投稿しました。
web-asked-anonymous = 自分の質問だとわかるのはあなただけです。
web-answer-title = 回答する
web-answer-field = 回答
web-answer-submit = 回答を投稿する
web-me-too = 私も
web-choose-best = ベストアンサーに選ぶ
web-helpful = 役に立った
web-thanks = ありがとう
web-form-unreadable = フォームの内容を読み取れませんでした。ページを読み込み直してから、もう一度お試しください。
web-tip = ヒント
web-tip-featured = おすすめ
web-level-beginner = 初級向け
web-level-intermediate = 中級向け
web-level-advanced = 上級向け
web-hidden = この投稿はモデレーターが非表示にしました。投稿した人とモデレーターにだけ見えています。
web-member-since = { $date } から参加
web-member-me = ほかの人から見たあなたのプロフィールです。匿名でした質問はここには出ません。
web-member-gave = コミュニティへの貢献
web-member-answers = 書いた回答
web-member-accepted = ベストアンサー
web-member-helpful = もらった「役に立った」
web-member-kudos = 受け取った称賛
web-member-tips = 書いたヒント
web-member-wins = 記録した成果
web-member-hours = この人のおかげでほかの人が節約した時間（1 か月あたり）
web-win = 成果
web-win-hours = 1 か月に { $hours } 時間の節約
web-win-formula = 1 回あたりの節約時間（分）× 1 か月の実行回数 × 人数 ÷ 60
web-win-money = 1 か月に節約できる金額
web-win-link = フローやアプリを開く
web-win-helped-by = 役に立った質問とヒント
web-kudos-count = { $count ->
    [0] 称賛はまだありません
   *[other] 称賛 { $count } 件
}
web-kudos-own = あなたの成果です。ほかの人がここから称賛を送れます。
web-kudos-given = この成果に称賛を送りました。ありがとうございます！
web-kudos-message = ひとこと（省略可）
web-kudos-hint = 1 行、280 文字まで。例：「毎週月曜の朝の作業がなくなりました！」
web-kudos-submit = 称賛を送る
web-not-found = このアドレスのページはありません。削除されたか、リンクが間違っている可能性があります。
