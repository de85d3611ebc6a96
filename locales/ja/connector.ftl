### The connector package (`tsunagu connector`, `/connector.zip`): labels and descriptions in the
### Power Automate designer and Power Apps.
###
### Keys say where a text sits, most specific first: `label-Kudos-from` (the `from` of kudos) wins
### over `label-from`. Descriptions are written from the English of the code's `///` docs; the
### `# en:` comment above each one records that English, and the Japanese package refuses to
### generate when the English has changed since (run `tsunagu connector --lang ja` to see which).

## Operations: the action or trigger name (summary) and what it does (description).
# en: Marks this answer as the one that solved the question (replacing any earlier choice) and resolves the question. Only the person who asked may accept.
op-AcceptAnswer-description = この回答をベストアンサーに選び（前に選んだ回答があれば置き換わります）、質問を解決済みにします。選べるのは質問者だけです。
# en: Accept an answer
op-AcceptAnswer-summary = ベストアンサーに選ぶ
# en: Records that the caller has this question too. Saying it twice counts once.
op-AddMeToo-description = 呼び出したメンバーも同じ疑問を持っていることを記録します。二度送っても 1 回と数えます。
# en: Say you have this question too
op-AddMeToo-summary = 「私も」と伝える
# en: Marks an answer `helpful` or says `thanks`. Reacting twice counts once. Reactions are positive only; you cannot react to your own answer.
op-AddReaction-description = 回答に「役に立った」（`helpful`）や「ありがとう」（`thanks`）を付けます。二度付けても 1 回と数えます。リアクションはポジティブなものだけで、自分の回答には付けられません。
# en: React to an answer
op-AddReaction-summary = 回答にリアクションする
# en: Says a tip helped you. Saying it twice counts once; you cannot mark your own tip.
op-AddTipReaction-description = ヒントが役に立ったことを伝えます。二度付けても 1 回と数え、自分のヒントには付けられません。
# en: Mark a tip helpful
op-AddTipReaction-summary = ヒントに「役に立った」を付ける
# en: Posts an answer to a question.
op-CreateAnswer-description = 質問に回答を投稿します。
# en: Answer a question
op-CreateAnswer-summary = 質問に回答する
# en: Creates a member and, unless `issue_api_key` is false, their first API key, whose secret is in the response once. Admins only.
op-CreateMember-description = メンバーを作成し、「API キーを発行」がいいえでなければ最初の API キーも作成します。シークレットは応答に一度だけ含まれます。管理者のみ実行できます。
# en: Create a member
op-CreateMember-summary = メンバーを作成する
# en: Makes a new personal API key. The secret is in this response only: store it now.
op-CreateMyApiKey-description = 個人用の API キーを新しく作成します。シークレットはこの応答にしか含まれないので、すぐに保管してください。
# en: Create an API key
op-CreateMyApiKey-summary = API キーを作成する
# en: Posts a question. Set `anonymous` to hide who asked from everyone else; you still see it as yours and can accept an answer.
op-CreateQuestion-description = 質問を投稿します。「匿名で質問」をはいにすると、質問者はほかの人に表示されません。その場合も自分には自分の質問として表示され、ベストアンサーを選べます。
# en: Ask a question
op-CreateQuestion-summary = 質問を投稿する
# en: Creates a topic ahead of its first question, so that triggers can follow it (moderators and admins). Creating one that exists returns it unchanged.
op-CreateTag-description = 最初の質問より前にタグを作り、トリガーで追えるようにします（モデレーターと管理者のみ）。すでにあるタグを作ろうとしたときは、そのタグをそのまま返します。
# en: Create a tag
op-CreateTag-summary = タグを作成する
# en: Publishes a tip for a level. Any member may write tips; only moderators may feature one.
op-CreateTip-description = レベルを指定してヒントを公開します。ヒントは誰でも書けますが、おすすめにできるのはモデレーターだけです。
# en: Write a tip
op-CreateTip-summary = ヒントを書く
# en: Records something you automated and the time it saves. Name the questions and tips that helped so their helpers get credit for the hours.
op-CreateWin-description = 自動化したことと、それで節約できる時間を記録します。役に立った質問やヒントを挙げると、助けてくれた人の貢献として時間が記録されます。
# en: Log a win
op-CreateWin-summary = 成果を記録する
# en: Deletes an answer. The person who answered or a moderator may delete.
op-DeleteAnswer-description = 回答を削除します。削除できるのは回答者かモデレーターです。
# en: Delete an answer
op-DeleteAnswer-summary = 回答を削除する
# en: Deletes a question with its answers. The asker or a moderator may delete.
op-DeleteQuestion-description = 質問をその回答ごと削除します。削除できるのは質問者かモデレーターです。
# en: Delete a question
op-DeleteQuestion-summary = 質問を削除する
# en: Unsubscribes: no more events are sent and pending ones are cancelled. Deleting an ended subscription again also succeeds.
op-DeleteSubscription-description = 登録を解除します。以後イベントは送信されず、保留中のものは取り消されます。終了した登録をもう一度削除しても成功します。
# en: Delete a subscription
op-DeleteSubscription-summary = 通知の登録を削除する
# en: Deletes a tip. The author or a moderator may delete.
op-DeleteTip-description = ヒントを削除します。削除できるのは投稿者かモデレーターです。
# en: Delete a tip
op-DeleteTip-summary = ヒントを削除する
# en: Deletes a win. The member who logged it or a moderator may delete.
op-DeleteWin-description = 成果を削除します。削除できるのは記録したメンバーかモデレーターです。
# en: Delete a win
op-DeleteWin-summary = 成果を削除する
# en: Lists members who can help with a topic: those who offer help in it first, then by their accepted and helpful answers in it over the last 180 days.
op-FindHelpers-description = タグについて相談できるメンバーを一覧表示します。そのタグで相談に乗ると表明している人が先頭で、その後は過去 180 日のベストアンサーと「役に立った」が付いた回答の多い順です。
# en: Find someone who can help
op-FindHelpers-summary = 相談できる人を探す
# en: Suggests up to 5 existing questions whose titles resemble a draft title, so an asker can see that someone may already have asked. Works for Japanese titles without spaces.
op-FindSimilarQuestions-description = 下書きのタイトルに似た既存の質問を最大 5 件提案し、すでに誰かが質問しているかどうかを確かめられるようにします。スペースのない日本語のタイトルにも対応しています。
# en: Find similar questions
op-FindSimilarQuestions-summary = 似ている質問を探す
# en: Returns one answer.
op-GetAnswer-description = 回答を 1 件返します。
# en: Get an answer
op-GetAnswer-summary = 回答を取得する
# en: Returns community health figures per week or month: questions, answers and time to first answer, first-time askers, contributors, tips, wins, hours saved and kudos.
op-GetCommunityHealth-description = コミュニティの状況を表す数字を週ごとまたは月ごとに返します。質問、回答と最初の回答までの時間、初めての質問者、貢献者、ヒント、成果、節約時間、称賛を含みます。
# en: Get community health
op-GetCommunityHealth-summary = コミュニティの状況を取得する
# en: Returns the community health report as CSV (UTF-8 with a byte order mark, so Excel opens it correctly) for Excel or Power BI.
op-GetCommunityHealthCsv-description = コミュニティの状況のレポートを、Excel や Power BI 向けに CSV で返します（Excel で正しく開けるよう BOM 付きの UTF-8 です）。
# en: Download community health as CSV
op-GetCommunityHealthCsv-summary = コミュニティの状況を CSV でダウンロードする
# en: Returns headline numbers for the last 30 days, for a dashboard tile or a flow's weekly message.
op-GetHealthSummary-description = 過去 30 日の主な数字を返します。ダッシュボードのタイルや、フローで毎週送るメッセージに使えます。
# en: Get the health summary
op-GetHealthSummary-summary = コミュニティの状況の概要を取得する
# en: Lists the members who chose to appear (see UpdateMe), ranked by hours saved credited to them, then accepted answers, then kudos. Everyone else stays private.
op-GetLeaderboard-description = ランキングへの表示を選んだメンバー（「自分の設定を更新する」で選べます）を、貢献とされた節約時間、ベストアンサーの数、称賛の順に並べて一覧表示します。それ以外の人は非公開のままです。
# en: Get the leaderboard
op-GetLeaderboard-summary = ランキングを取得する
# en: Returns the member the API key belongs to.
op-GetMe-description = API キーの持ち主のメンバー情報を返します。
# en: Get my member record
op-GetMe-summary = 自分のメンバー情報を取得する
# en: Returns a member's public profile (no e-mail address) with their recognition figures. It never reveals anonymous questions.
op-GetMember-description = メンバーの公開プロフィールを、貢献の数字とともに返します（メールアドレスは含みません）。匿名の質問が明かされることはありません。
# en: Get a member
op-GetMember-summary = メンバーを取得する
# en: Returns a question with all its answers.
op-GetQuestion-description = 質問とそのすべての回答を返します。
# en: Get a question
op-GetQuestion-summary = 質問を取得する
# en: Returns a random tip, optionally of a topic and a level — handy for a flow's daily post.
op-GetRandomTip-description = ランダムにヒントを 1 件返します。タグやレベルを指定でき、フローで毎日投稿するのに便利です。
# en: Get a random tip
op-GetRandomTip-summary = ランダムなヒントを取得する
# en: Returns one report: any, for moderators; your own, for the member who reported.
op-GetReport-description = 報告を 1 件返します。モデレーターはすべての報告を、報告したメンバーは自分の報告を取得できます。
# en: Get a report
op-GetReport-summary = 報告を取得する
# en: Returns one of my subscriptions (any, for an admin), active or ended.
op-GetSubscription-description = 自分の通知の登録（管理者はすべて）を 1 件返します。有効なものも終了したものも含みます。
# en: Get a subscription
op-GetSubscription-summary = 通知の登録を取得する
# en: Returns one tip.
op-GetTip-description = ヒントを 1 件返します。
# en: Get a tip
op-GetTip-summary = ヒントを取得する
# en: Returns the caller's tip of the day: a tip at their level (see UpdateMe) that they have never been shown, preferring their interest topics. It stays the same all day.
op-GetTipOfTheDay-description = 呼び出したメンバーの今日のヒントを返します。本人のレベル（「自分の設定を更新する」で選べます）で、まだ表示されたことのないヒントを、関心のあるタグを優先して選びます。1 日の間は同じヒントです。
# en: Get my tip of the day
op-GetTipOfTheDay-summary = 今日のヒントを取得する
# en: Returns one win with its impact and what helped.
op-GetWin-description = 成果を、その効果と役に立ったものとともに 1 件返します。
# en: Get a win
op-GetWin-summary = 成果を取得する
# en: Thanks the member who wrote an answer, with an optional message. Once per member per answer; not to your own answer.
op-GiveAnswerKudos-description = 回答を書いたメンバーに、メッセージを添えて（省略可）称賛を送ります。1 つの回答に 1 人 1 回までで、自分の回答には送れません。
# en: Give kudos to an answer
op-GiveAnswerKudos-summary = 回答に称賛を送る
# en: Thanks the member who logged a win, with an optional message. Once per member per win; not to your own win.
op-GiveWinKudos-description = 成果を記録したメンバーに、メッセージを添えて（省略可）称賛を送ります。1 つの成果に 1 人 1 回までで、自分の成果には送れません。
# en: Give kudos to a win
op-GiveWinKudos-summary = 成果に称賛を送る
# en: Lists webhook deliveries for admins, newest first, optionally only failed ones.
op-ListDeliveries-description = 管理者向けに Webhook の配信を新しい順に一覧表示します。失敗したものだけに絞ることもできます。
# en: List webhook deliveries
op-ListDeliveries-summary = Webhook の配信の一覧を取得する
# en: Lists the caller's active API keys, without their secrets.
op-ListMyApiKeys-description = 呼び出したメンバーの有効な API キーを、シークレットを除いて一覧表示します。
# en: List my API keys
op-ListMyApiKeys-summary = 自分の API キーを一覧表示する
# en: Lists questions, newest (or most active) first, with filters and Japanese/English search. Pages with `limit` and `cursor`; `next_link` is the next page.
op-ListQuestions-description = 質問を新しい順（または更新が新しい順）に一覧表示します。絞り込みと日本語・英語の検索ができます。「件数」と「続きの位置」でページを送り、「次のページの URL」が次のページです。
# en: List questions
op-ListQuestions-summary = 質問を一覧表示する
# en: Lists reports for moderators, oldest first: by default the open ones still waiting for a moderator. Reports never name who reported.
op-ListReports-description = モデレーター向けに報告を古い順に一覧表示します。既定では、まだモデレーターが対応していない報告です。報告には報告者が含まれません。
# en: List reports
op-ListReports-summary = 報告の一覧を取得する
# en: Lists my active webhook subscriptions; admins may list everyone's with all=true.
op-ListSubscriptions-description = 自分の有効な Webhook 通知の登録を一覧表示します。管理者は「全員分」をはいにすると全員分を一覧表示できます。
# en: List subscriptions
op-ListSubscriptions-summary = 通知の登録の一覧を取得する
# en: Lists topics with their question and post counts, most used first, optionally by prefix.
op-ListTags-description = タグを質問数・投稿数とともに、使われている順に一覧表示します。先頭の文字で絞り込めます。
# en: List tags
op-ListTags-summary = タグを一覧表示する
# en: Lists tips, newest first, with Japanese/English search and filters by topic and level.
op-ListTips-description = ヒントを新しい順に一覧表示します。日本語・英語の検索と、タグやレベルでの絞り込みができます。
# en: List tips
op-ListTips-summary = ヒントを一覧表示する
# en: Lists wins, newest first, by topic, member or date.
op-ListWins-description = 成果を新しい順に、タグ、メンバー、日付で絞り込んで一覧表示します。
# en: List wins
op-ListWins-summary = 成果を一覧表示する
# en: This operation triggers when an asker accepts an answer, optionally only answers I wrote or with one tag.
op-OnAnswerAccepted-description = この操作は、質問者がベストアンサーを選んだときにトリガーされます。自分が書いた回答や 1 つのタグに絞ることもできます。
# en: When an answer is accepted
op-OnAnswerAccepted-summary = ベストアンサーが選ばれたとき
# en: This operation triggers when someone gives me kudos for a win or an answer.
op-OnKudosReceived-description = この操作は、誰かが自分の成果や回答に称賛を送ったときにトリガーされます。
# en: When I receive kudos
op-OnKudosReceived-summary = 自分が称賛を受け取ったとき
# en: This operation triggers when new events happen, for tenants that block webhooks; each poll returns the oldest events since the last one (at most `limit`, newest first), so none is skipped; the first poll only sets the starting point.
op-OnNewEvents-description = この操作は、新しいイベントが起きたときにトリガーされます（Webhook を受け付けないテナント向けに、tsunagu を定期的に確認します）。毎回、前回の続きから古い順に最大「件数」件を取り出すので、取りこぼしはありません。最初の 1 回は起点を決めるだけで、過去のイベントでは動きません。
# en: When events happen (polling)
op-OnNewEvents-summary = 定期的な確認で新しいイベントが見つかったとき
# en: This operation triggers when a member reports a question, answer, tip or win, for moderators; the event never names who reported.
op-OnPostReported-description = この操作は、メンバーが質問、回答、ヒント、成果を報告したときにトリガーされます（モデレーター向け）。イベントには報告者は含まれません。
# en: When a post is reported
op-OnPostReported-summary = 投稿が報告されたとき
# en: This operation triggers when an answer is posted, optionally only to questions I asked or with one tag.
op-OnQuestionAnswered-description = この操作は、回答が投稿されたときにトリガーされます。自分の質問や 1 つのタグに絞ることもできます。
# en: When a question is answered
op-OnQuestionAnswered-summary = 質問に回答があったとき
# en: This operation triggers when a member posts a question, optionally only for one tag.
op-OnQuestionPosted-description = この操作は、メンバーが質問を投稿したときにトリガーされます。1 つのタグに絞ることもできます。
# en: When a question is posted
op-OnQuestionPosted-summary = 質問が投稿されたとき
# en: This operation triggers once per question when it has had no answer from another member for the given hours.
op-OnQuestionUnanswered-description = この操作は、質問にほかのメンバーからの回答が指定の時間ないとき、質問ごとに 1 回トリガーされます。
# en: When a question is left unanswered
op-OnQuestionUnanswered-summary = 質問に回答がないまま時間がたったとき
# en: This operation triggers when a member publishes a tip, optionally only for one tag or level.
op-OnTipPublished-description = この操作は、メンバーがヒントを公開したときにトリガーされます。タグやレベルで絞ることもできます。
# en: When a tip is published
op-OnTipPublished-summary = ヒントが公開されたとき
# en: This operation triggers when a member logs a win, optionally only for one tag.
op-OnWinLogged-description = この操作は、メンバーが成果を記録したときにトリガーされます。1 つのタグに絞ることもできます。
# en: When a win is logged
op-OnWinLogged-summary = 成果が記録されたとき
# en: Withdraws the caller's "me too". Withdrawing twice is harmless.
op-RemoveMeToo-description = 呼び出したメンバーの「私も」を取り消します。二度取り消しても問題ありません。
# en: Withdraw your me-too
op-RemoveMeToo-summary = 「私も」を取り消す
# en: Withdraws the caller's `helpful` or `thanks` from an answer. Removing twice is harmless.
op-RemoveReaction-description = 回答に付けた「役に立った」（`helpful`）や「ありがとう」（`thanks`）を取り消します。二度取り消しても問題ありません。
# en: Remove a reaction
op-RemoveReaction-summary = リアクションを取り消す
# en: Withdraws the caller's "helpful" from a tip. Withdrawing twice is harmless.
op-RemoveTipReaction-description = ヒントに付けた「役に立った」を取り消します。二度取り消しても問題ありません。
# en: Withdraw helpful
op-RemoveTipReaction-summary = 「役に立った」を取り消す
# en: Tells the moderators that a question, answer, tip or win is unkind, spam, shows personal information, or is wrong in another way. Nobody else learns who reported it, not even the moderators. Each member reports a post once; reporting it again returns the first report.
op-ReportPost-description = 質問、回答、ヒント、成果が思いやりに欠ける、スパムである、個人情報を含む、またはほかの点で問題があることをモデレーターに知らせます。誰が報告したかは、モデレーターを含め誰にもわかりません。1 つの投稿を報告できるのは 1 人 1 回で、もう一度報告すると最初の報告を返します。
# en: Report a post
op-ReportPost-summary = 投稿を報告する
# en: Moderators only. Hides the post (its author and moderators still see it, and the author is told why but not by whom), records that you edited it, or dismisses the report. Every open report of the same post is closed with it.
op-ResolveReport-description = モデレーターのみ。投稿を非表示にする（投稿者とモデレーターには引き続き表示され、投稿者には理由が伝えられますが、誰が対応したかは伝えられません）、投稿を編集したことを記録する、または対応不要として報告を閉じる、のいずれかを行います。同じ投稿に対する未対応の報告はすべて一緒に閉じられます。
# en: Resolve a report
op-ResolveReport-summary = 報告に対応する
# en: Sends a failed webhook delivery again (admins only); it is retried as a new delivery would be.
op-RetryDelivery-description = 失敗した Webhook の配信を再送します（管理者のみ）。新しい配信と同じように再試行されます。
# en: Retry a failed delivery
op-RetryDelivery-summary = 失敗した配信を再試行する
# en: Revokes one of the caller's API keys; it stops working at once. Every browser session of the caller is signed out and every trigger subscription of theirs ends (`ended_reason` `key_revoked`): whoever else held the key may have used it for either. Flows subscribe again when they are saved.
op-RevokeMyApiKey-description = 呼び出したメンバーの API キーを無効にします。キーはすぐに使えなくなります。あわせて、そのメンバーのブラウザーはすべてサインアウトされ、トリガーの登録もすべて終わります（`ended_reason` は `key_revoked`）。ほかの人がそのキーを使って、どちらかを作っていたかもしれないからです。フローは保存し直すと登録し直されます。
# en: Revoke an API key
op-RevokeMyApiKey-summary = API キーを無効にする
# en: Makes a member a member, moderator or admin. Admins only; an admin cannot change their own role. A role granted by the company sign-in's roles claim still applies on top.
op-SetMemberRole-description = メンバーを一般メンバー、モデレーター、管理者のいずれかにします。管理者のみ実行でき、自分自身のロールは変更できません。会社のサインインで与えられたロール（トークンのロール クレーム）は、これとは別に引き続き適用されます。
# en: Set a member's role
op-SetMemberRole-summary = メンバーのロールを設定する
# en: Un-accepts this answer; the question is no longer resolved. Only the person who asked may.
op-UnacceptAnswer-description = この回答をベストアンサーから外し、質問は解決済みでなくなります。取り消せるのは質問者だけです。
# en: Withdraw acceptance
op-UnacceptAnswer-summary = ベストアンサーを取り消す
# en: Moderators only. Makes a post that a moderator hid visible to everyone again. Showing a post that is not hidden changes nothing.
op-UnhidePost-description = モデレーターのみ。モデレーターが非表示にした投稿を、再び全員に表示します。非表示になっていない投稿を指定しても何も変わりません。
# en: Show a hidden post again
op-UnhidePost-summary = 非表示にした投稿を再表示する
# en: Replaces an answer's text. The person who answered or a moderator may edit.
op-UpdateAnswer-description = 回答の本文を置き換えます。編集できるのは回答者かモデレーターです。
# en: Edit an answer
op-UpdateAnswer-summary = 回答を編集する
# en: Changes the caller's department, level, interests, helper topics and leaderboard opt-in.
op-UpdateMe-description = 呼び出したメンバーの部署、レベル、関心のあるタグ、相談に乗れるタグ、ランキングへの参加を変更します。
# en: Update my settings
op-UpdateMe-summary = 自分の設定を更新する
# en: Changes a question's title, body, tags or anonymity. The asker or a moderator may edit; only the asker may change `anonymous`.
op-UpdateQuestion-description = 質問のタイトル、本文、タグ、匿名設定を変更します。編集できるのは質問者かモデレーターで、「匿名で質問」を変更できるのは質問者だけです。
# en: Edit a question
op-UpdateQuestion-summary = 質問を編集する
# en: Changes a tip. The author or a moderator may edit; only moderators may feature.
op-UpdateTip-description = ヒントを変更します。編集できるのは投稿者かモデレーターで、おすすめに設定できるのはモデレーターだけです。
# en: Edit a tip
op-UpdateTip-summary = ヒントを編集する
# en: Changes a win. The member who logged it or a moderator may edit.
op-UpdateWin-description = 成果を変更します。編集できるのは記録したメンバーかモデレーターです。
# en: Edit a win
op-UpdateWin-summary = 成果を編集する

## Parameters of an operation: param-<Operation>-<name>, or param-<name> for every operation.
# en: Question id
param-AddMeToo-id = 質問 ID
# en: Tip id
param-AddTipReaction-id = ヒント ID
# en: Question id
param-CreateAnswer-id = 質問 ID
# en: Question id
param-DeleteQuestion-id = 質問 ID
# en: Subscription id
param-DeleteSubscription-id = 通知の登録 ID
# en: Tip id
param-DeleteTip-id = ヒント ID
# en: Win id
param-DeleteWin-id = 成果 ID
# en: How many, 1–50 (default 10).
param-FindHelpers-limit = 件数（1～50、既定は 10）。
# en: The topic you need help with.
param-FindHelpers-tag = 相談したいタグ。
# en: How many suggestions, 1–10 (default 5).
param-FindSimilarQuestions-limit = 候補の件数（1～10、既定は 5）。
# en: How many, 1–100 (default 20).
param-GetLeaderboard-limit = 件数（1～100、既定は 20）。
# en: Member id
param-GetMember-id = メンバー ID
# en: Question id
param-GetQuestion-id = 質問 ID
# en: Only tips with this topic.
param-GetRandomTip-tag = このタグのヒントだけにします。
# en: Report id
param-GetReport-id = 報告 ID
# en: Subscription id
param-GetSubscription-id = 通知の登録 ID
# en: Tip id
param-GetTip-id = ヒント ID
# en: Win id
param-GetWin-id = 成果 ID
# en: Win id
param-GiveWinKudos-id = 成果 ID
# en: A unique value per request (1–255 printable characters): a retry with the same key returns the first response instead of creating a duplicate.
param-Idempotency-Key = リクエストごとに一意な値（1～255 文字の印字可能な文字）。通信が切れて同じキーで送り直しても、二重に作成せずに最初の応答を返します。
# en: The ETag you read: the change is refused with 412 if someone changed the resource since.
param-If-Match = 読み取ったときのバージョン（応答の ETag ヘッダーの値）。その後にほかの人が変更していた場合は、上書きせずに止めます。省略すると確認せずに変更します。
# en: How many at most (1–100, default 20).
param-ListDeliveries-limit = 最大件数（1～100、既定は 20）。
# en: Only questions in this state.
param-ListQuestions-status = この状態の質問だけにします。
# en: Only questions with this topic.
param-ListQuestions-tag = このタグの質問だけにします。
# en: Only reports in this state (default `open`).
param-ListReports-status = この状態の報告のみ（既定は `open`: 未対応）。
# en: How many, 1–200 (default 50).
param-ListTags-limit = 件数（1～200、既定は 50）。
# en: Only tags starting with this text.
param-ListTags-q = この文字で始まるタグだけにします。
# en: Only tips with this topic.
param-ListTips-tag = このタグのヒントだけにします。
# en: Only wins with this topic.
param-ListWins-tag = このタグの成果だけにします。
# en: How many events at most (1–100, default 20).
param-OnNewEvents-limit = イベントの最大件数（1～100、既定は 20）。
# en: Question id
param-RemoveMeToo-id = 質問 ID
# en: Tip id
param-RemoveTipReaction-id = ヒント ID
# en: `helpful`
param-RemoveTipReaction-kind = `helpful`（役に立った）
# en: Report id
param-ResolveReport-id = 報告 ID
# en: Delivery id (`dlv_…`)
param-RetryDelivery-id = 配信 ID（`dlv_…`）
# en: Key id
param-RevokeMyApiKey-id = キー ID
# en: Member id
param-SetMemberRole-id = メンバー ID
# en: Question id
param-UpdateQuestion-id = 質問 ID
# en: Tip id
param-UpdateTip-id = ヒント ID
# en: Win id
param-UpdateWin-id = 成果 ID
# en: Only events after this id: the `cursor` of the previous poll (0 for all events kept). Without it, no events are returned and `cursor` is the newest event: where a new poller starts.
param-after = この番号より後のイベントのみ（前回の応答の「続きの位置」。0 なら保存されているすべて）。省略すると、イベントは返さず「続きの位置」に最新のイベントを返します（新しく始めるときの起点）。
# en: Everyone's active subscriptions, not just mine (admins only).
param-all = 自分のものだけでなく全員の有効な通知の登録（管理者のみ）。
# en: `next_cursor` from the previous page.
param-cursor = 前のページの「次のページの位置」。
# en: Only featured (true) or only other (false) tips.
param-featured = はい: おすすめのヒントだけ。いいえ: おすすめ以外だけ。
# en: Start: RFC 3339 (`2026-11-01T00:00:00+09:00`), or without an offset (`2026-11-01T00:00:00`, or a date, `2026-11-01`, meaning its midnight), read in the community's time zone (`TSUNAGU_UTC_OFFSET`); default: 12 intervals before `to`.
param-from = 開始日時。`2026-11-01T00:00:00+09:00` のように時差付きで、または時差なしで（`2026-11-01T00:00:00`、日付だけの `2026-11-01` はその日の 0 時）指定します。時差なしは社内の時間帯（サーバーで設定した時差）の時刻として読みます。省略すると終了日時の 12 期間前。
# en: Answer id
param-id = 回答 ID
# en: `week` (default) or `month`.
param-interval = `week`（週ごと、既定）または `month`（月ごと）。
# en: `helpful` or `thanks`
param-kind = `helpful`（役に立った）または `thanks`（ありがとう）
# en: Only tips for this level.
param-level = このレベル向けのヒントだけにします。
# en: Page size, 1–100 (default 20).
param-limit = 1 ページの件数（1～100、既定は 20）。
# en: Only wins logged by this member id.
param-member = このメンバー ID が記録した成果だけにします。
# en: Only questions I asked.
param-mine = 自分が投稿した質問だけにします。
# en: `month` (default, last 30 days), `quarter`, `year` or `all`.
param-period = `month`（既定、過去 30 日）、`quarter`、`year`、`all` のいずれか。
# en: Search words (Japanese or English), separated by spaces, at most 10; all must match title or body.
param-q = 検索語（日本語または英語、スペース区切りで 10 語まで）。すべての語がタイトルか本文に含まれるものを返します。
# en: Only wins logged at or after this time: RFC 3339 (`2026-11-01T09:00:00+09:00`), or without an offset (`2026-11-01T09:00:00`, or a date, `2026-11-01`, meaning its midnight), read in the community's time zone (`TSUNAGU_UTC_OFFSET`).
param-since = この日時以降に記録された成果だけにします。`2026-11-01T09:00:00+09:00` のように時差付きで、または時差なしで（`2026-11-01T09:00:00`、日付だけの `2026-11-01` はその日の 0 時）指定します。時差なしは社内の時間帯（サーバーで設定した時差）の時刻として読みます。
# en: Order: `newest` (default), `active` (latest activity first) or `oldest` (with `unanswered`: the longest-waiting first).
param-sort = 並び順: `newest`（新しい順、既定）、`active`（更新が新しい順）、`oldest`（古い順。「未回答のみ」と一緒に使うと、いちばん長く待っている質問から）。
# en: Only deliveries in this state.
param-status = この状態の配信のみ。
# en: Only questions, tips and wins with this topic.
param-tag = このタグの質問、ヒント、成果だけにします。
# en: The post's id
param-target_id = 投稿の ID
# en: What kind of post: `question`, `answer`, `tip` or `win`
param-target_kind = 投稿の種類: `question`（質問）、`answer`（回答）、`tip`（ヒント）、`win`（成果）
# en: The draft title, 1–150 characters.
param-title = 下書きのタイトル（1～150 文字）。
# en: End (exclusive), written like `from`; default: now. `from` must be before `to`, and a report covers at most 10 years.
param-to = 終了日時（この日時は含みません）。書き方は開始日時と同じです。省略すると現在。開始日時は終了日時より前で、期間は 10 年までです。
# en: Event types to include, comma-separated (e.g. `question.posted,question.answered`); all when empty.
param-types = 含めるイベントの種類（カンマ区切り、例: `question.posted,question.answered`）。空の場合はすべて。
# en: Only questions nobody but the asker has answered.
param-unanswered = 質問者以外の誰もまだ回答していない質問だけにします。

## Responses: response-<Operation>-<status>, or response-<status>.
# en: Kudos were already given; nothing changed
response-200 = すでに称賛を送っていたため、何も変わりませんでした
# en: Subscribed
response-201 = 登録しました
# en: Deleted
response-204 = 削除しました
# en: Malformed request
response-400 = リクエストの形式が正しくありません
# en: No valid API key
response-401 = 有効な API キーがありません
# en: Not the author or a moderator
response-403 = 投稿者でもモデレーターでもありません
# en: No such answer
response-404 = 回答が見つかりません
# en: The request body did not arrive in time; send it again
response-408 = 送信内容が時間内に届きませんでした。もう一度送ってください
# en: A request with this Idempotency-Key is still being processed
response-409 = 同じ「二重登録を防ぐキー」のリクエストがまだ処理中です
# en: The resource changed since the ETag in If-Match
response-412 = 読み取った後にほかの人が変更しています
# en: Body too large
response-413 = 本文が大きすぎます
# en: Body is not JSON
response-415 = 本文が JSON ではありません
# en: Invalid field
response-422 = 項目の値が正しくありません
# en: Too many requests; retry after the Retry-After seconds
response-429 = リクエストが多すぎます。Retry-After の秒数が過ぎてから再試行してください
# en: The accepted answer
response-AcceptAnswer-200 = ベストアンサーに選んだ回答
# en: Not the asker
response-AcceptAnswer-403 = 質問者ではありません
# en: The new count
response-AddMeToo-200 = 新しい件数
# en: No such question
response-AddMeToo-404 = 質問が見つかりません
# en: Your own question
response-AddMeToo-422 = 自分の質問です
# en: The answer with its reaction counts
response-AddReaction-200 = リアクション数を含む回答
# en: Malformed request or unknown kind
response-AddReaction-400 = リクエストの形式が正しくないか、リアクションの種類が不明です
# en: Your own answer
response-AddReaction-422 = 自分の回答です
# en: The tip with its new count
response-AddTipReaction-200 = 新しい件数を含むヒント
# en: Malformed request or unknown kind
response-AddTipReaction-400 = リクエストの形式が正しくないか、リアクションの種類が不明です
# en: No such tip
response-AddTipReaction-404 = ヒントが見つかりません
# en: Your own tip
response-AddTipReaction-422 = 自分のヒントです
# en: Created
response-CreateAnswer-201 = 作成しました
# en: No such question
response-CreateAnswer-404 = 質問が見つかりません
# en: Created
response-CreateMember-201 = 作成しました
# en: Not an admin
response-CreateMember-403 = 管理者ではありません
# en: E-mail already in use
response-CreateMember-409 = このメールアドレスはすでに使われています
# en: Created; the secret is shown once
response-CreateMyApiKey-201 = 作成しました（シークレットは一度だけ表示されます）
# en: Created
response-CreateQuestion-201 = 作成しました
# en: The tag existed already
response-CreateTag-200 = タグはすでにありました
# en: Created
response-CreateTag-201 = 作成しました
# en: Invalid body
response-CreateTag-400 = リクエストの内容が正しくありません
# en: Not a moderator or admin
response-CreateTag-403 = モデレーターまたは管理者ではありません
# en: Invalid tag
response-CreateTag-422 = タグ名が正しくありません
# en: Created
response-CreateTip-201 = 作成しました
# en: Only moderators can feature tips
response-CreateTip-403 = ヒントをおすすめにできるのはモデレーターだけです
# en: Created
response-CreateWin-201 = 作成しました
# en: Invalid header (If-Match)
response-DeleteAnswer-400 = 「編集前のバージョン」の値が正しくありません
# en: Invalid header (If-Match)
response-DeleteQuestion-400 = 「編集前のバージョン」の値が正しくありません
# en: Not the asker or a moderator
response-DeleteQuestion-403 = 質問者でもモデレーターでもありません
# en: No such question
response-DeleteQuestion-404 = 質問が見つかりません
# en: Unsubscribed (or already was)
response-DeleteSubscription-204 = 登録を解除しました（またはすでに解除済みです）
# en: No such subscription of mine
response-DeleteSubscription-404 = 該当する自分の通知の登録がありません
# en: Invalid header (If-Match)
response-DeleteTip-400 = 「編集前のバージョン」の値が正しくありません
# en: No such tip
response-DeleteTip-404 = ヒントが見つかりません
# en: Invalid header (If-Match)
response-DeleteWin-400 = 「編集前のバージョン」の値が正しくありません
# en: No such win
response-DeleteWin-404 = 成果が見つかりません
# en: People who can help
response-FindHelpers-200 = 相談できる人
# en: Invalid parameter
response-FindHelpers-400 = パラメーターが正しくありません
# en: Similar questions, most similar first
response-FindSimilarQuestions-200 = 似ている質問（似ている順）
# en: Invalid parameter
response-FindSimilarQuestions-400 = パラメーターが正しくありません
# en: The answer
response-GetAnswer-200 = 回答
# en: The report
response-GetCommunityHealth-200 = 報告
# en: Invalid parameter
response-GetCommunityHealth-400 = パラメーターが正しくありません
# en: The report as CSV
response-GetCommunityHealthCsv-200 = CSV 形式のレポート
# en: Invalid parameter
response-GetCommunityHealthCsv-400 = パラメーターが正しくありません
# en: The summary
response-GetHealthSummary-200 = 概要
# en: The leaderboard
response-GetLeaderboard-200 = ランキング
# en: Invalid parameter
response-GetLeaderboard-400 = パラメーターが正しくありません
# en: The caller
response-GetMe-200 = 呼び出したメンバー
# en: The member
response-GetMember-200 = メンバー
# en: No such member
response-GetMember-404 = メンバーが見つかりません
# en: The question and its answers
response-GetQuestion-200 = 質問とその回答
# en: No such question
response-GetQuestion-404 = 質問が見つかりません
# en: A tip
response-GetRandomTip-200 = ヒント
# en: Invalid parameter
response-GetRandomTip-400 = パラメーターが正しくありません
# en: No tip matches
response-GetRandomTip-404 = 条件に合うヒントがありません
# en: The report
response-GetReport-200 = 報告
# en: No such report of yours
response-GetReport-404 = 該当する自分の報告がありません
# en: The subscription
response-GetSubscription-200 = 通知の登録
# en: No such subscription of mine
response-GetSubscription-404 = 該当する自分の通知の登録がありません
# en: The tip
response-GetTip-200 = ヒント
# en: No such tip
response-GetTip-404 = ヒントが見つかりません
# en: Today's tip for the caller
response-GetTipOfTheDay-200 = 呼び出したメンバーの今日のヒント
# en: No unseen tip is left at the caller's level
response-GetTipOfTheDay-404 = 呼び出したメンバーのレベルで、まだ見ていないヒントが残っていません
# en: The win
response-GetWin-200 = 成果
# en: No such win
response-GetWin-404 = 成果が見つかりません
# en: Kudos given
response-GiveAnswerKudos-201 = 称賛を送りました
# en: Your own answer, or an invalid message
response-GiveAnswerKudos-422 = 自分の回答か、メッセージが正しくありません
# en: Kudos given
response-GiveWinKudos-201 = 称賛を送りました
# en: No such win
response-GiveWinKudos-404 = 成果が見つかりません
# en: Your own win, or an invalid message
response-GiveWinKudos-422 = 自分の成果か、メッセージが正しくありません
# en: A page of deliveries
response-ListDeliveries-200 = 配信の 1 ページ
# en: Invalid parameter
response-ListDeliveries-400 = パラメーターが正しくありません
# en: Admins only
response-ListDeliveries-403 = 管理者のみ
# en: The keys
response-ListMyApiKeys-200 = キーの一覧
# en: A page of questions
response-ListQuestions-200 = 質問の一覧（1 ページ分）
# en: Invalid parameter
response-ListQuestions-400 = パラメーターが正しくありません
# en: A page of reports
response-ListReports-200 = 報告の 1 ページ
# en: Invalid parameter
response-ListReports-400 = パラメーターが正しくありません
# en: Moderators only
response-ListReports-403 = モデレーターのみ
# en: Active subscriptions
response-ListSubscriptions-200 = 有効な通知の登録
# en: Invalid parameter
response-ListSubscriptions-400 = パラメーターが正しくありません
# en: all=true needs the admin role
response-ListSubscriptions-403 = 「全員分」をはいにできるのは管理者だけです
# en: The tags
response-ListTags-200 = タグの一覧
# en: Invalid parameter
response-ListTags-400 = パラメーターが正しくありません
# en: A page of tips
response-ListTips-200 = ヒントの一覧（1 ページ分）
# en: Invalid parameter
response-ListTips-400 = パラメーターが正しくありません
# en: A page of wins
response-ListWins-200 = 成果の一覧（1 ページ分）
# en: Invalid parameter
response-ListWins-400 = パラメーターが正しくありません
# en: Invalid field, or a callback URL that is not https or not public
response-OnAnswerAccepted-422 = 無効な項目、または https でない・公開されていないコールバック URL
# en: Invalid field, or a callback URL that is not https or not public
response-OnKudosReceived-422 = 無効な項目、または https でない・公開されていないコールバック URL
# en: The oldest events after the cursor, newest first
response-OnNewEvents-200 = 前回の続きから、古いものから順に取り出したイベント（表示は新しい順）
# en: Invalid parameter
response-OnNewEvents-400 = パラメーターが正しくありません
# en: Moderators only
response-OnPostReported-403 = モデレーターのみ
# en: Invalid field, or a callback URL that is not https or not public
response-OnPostReported-422 = 無効な項目、または https でない・公開されていないコールバック URL
# en: Invalid field, or a callback URL that is not https or not public
response-OnQuestionAnswered-422 = 無効な項目、または https でない・公開されていないコールバック URL
# en: Invalid field, or a callback URL that is not https or not public
response-OnQuestionPosted-422 = 無効な項目、または https でない・公開されていないコールバック URL
# en: Invalid field, or a callback URL that is not https or not public
response-OnQuestionUnanswered-422 = 無効な項目、または https でない・公開されていないコールバック URL
# en: Invalid field, or a callback URL that is not https or not public
response-OnTipPublished-422 = 無効な項目、または https でない・公開されていないコールバック URL
# en: Invalid field, or a callback URL that is not https or not public
response-OnWinLogged-422 = 無効な項目、または https でない・公開されていないコールバック URL
# en: The new count
response-RemoveMeToo-200 = 新しい件数
# en: No such question
response-RemoveMeToo-404 = 質問が見つかりません
# en: The answer with its reaction counts
response-RemoveReaction-200 = リアクション数を含む回答
# en: No such answer or reaction kind
response-RemoveReaction-404 = 回答またはリアクションの種類が見つかりません
# en: The tip with its new count
response-RemoveTipReaction-200 = 新しい件数を含むヒント
# en: No such tip or reaction kind
response-RemoveTipReaction-404 = ヒントまたはリアクションの種類が見つかりません
# en: You had already reported this post; nothing changed
response-ReportPost-200 = この投稿はすでに報告済みです。何も変更していません
# en: Reported
response-ReportPost-201 = 報告しました
# en: Malformed request or unknown reason
response-ReportPost-400 = リクエストの形式が正しくないか、理由が不明です
# en: No such post
response-ReportPost-404 = 該当する投稿がありません
# en: Your own post, or an invalid note
response-ReportPost-422 = 自分の投稿であるか、補足が正しくありません
# en: The resolved report
response-ResolveReport-200 = 対応した報告
# en: Malformed request or unknown action
response-ResolveReport-400 = リクエストの形式が正しくないか、対応が不明です
# en: Moderators only
response-ResolveReport-403 = モデレーターのみ
# en: No such report, or the post to hide was deleted
response-ResolveReport-404 = 該当する報告がないか、非表示にする投稿が削除されています
# en: The report was already resolved
response-ResolveReport-409 = この報告はすでに対応済みです
# en: Invalid field (a reason is required to hide)
response-ResolveReport-422 = 無効な項目（非表示にするには理由が必要です）
# en: Queued again
response-RetryDelivery-200 = 再度キューに入れました
# en: Admins only
response-RetryDelivery-403 = 管理者のみ
# en: No such delivery
response-RetryDelivery-404 = 該当する配信がありません
# en: Not failed, or its subscription has ended
response-RetryDelivery-409 = 失敗していない、または通知の登録が終了しています
# en: Revoked
response-RevokeMyApiKey-204 = 無効にしました
# en: No such key of yours
response-RevokeMyApiKey-404 = 該当するあなたのキーが見つかりません
# en: The member with the new role
response-SetMemberRole-200 = 新しいロールになったメンバー
# en: Not an admin
response-SetMemberRole-403 = 管理者ではありません
# en: No such member
response-SetMemberRole-404 = メンバーが見つかりません
# en: Your own role
response-SetMemberRole-422 = 自分自身のロールです
# en: The answer, no longer accepted
response-UnacceptAnswer-200 = ベストアンサーを取り消した回答
# en: Not the asker
response-UnacceptAnswer-403 = 質問者ではありません
# en: Visible to everyone again
response-UnhidePost-204 = 再び全員に表示されるようにしました
# en: Moderators only
response-UnhidePost-403 = モデレーターのみ
# en: No such post
response-UnhidePost-404 = 該当する投稿がありません
# en: The updated answer
response-UpdateAnswer-200 = 更新した回答
# en: The caller with the new settings
response-UpdateMe-200 = 新しい設定になった呼び出しメンバー
# en: The updated question
response-UpdateQuestion-200 = 更新した質問
# en: Not the asker or a moderator
response-UpdateQuestion-403 = 質問者でもモデレーターでもありません
# en: No such question
response-UpdateQuestion-404 = 質問が見つかりません
# en: The updated tip
response-UpdateTip-200 = 更新したヒント
# en: No such tip
response-UpdateTip-404 = ヒントが見つかりません
# en: The updated win
response-UpdateWin-200 = 更新した成果
# en: No such win
response-UpdateWin-404 = 成果が見つかりません

## Response headers.
# en: URL of the new answer
header-CreateAnswer-Location = 新しい回答の URL
# en: URL of the new member
header-CreateMember-Location = 新しいメンバーの URL
# en: URL of the new question
header-CreateQuestion-Location = 新しい質問の URL
# en: URL of the new tip
header-CreateTip-Location = 新しいヒントの URL
# en: URL of the new win
header-CreateWin-Location = 新しい成果の URL
# en: The version of the resource; send it back as If-Match to change it safely
header-ETag = いまのバージョン。変更や削除のときに「編集前のバージョン」として送ると、ほかの人の変更を上書きしません
# en: URL of the subscription; DELETE it to unsubscribe
header-Location = 通知の登録の URL。DELETE すると登録解除します
# en: URL of the new report
header-ReportPost-Location = 新しい報告の URL
# en: Seconds to wait before retrying
header-Retry-After = 再試行までに待つ秒数

## What a trigger sends to the flow.
# en: The answer.accepted event
notification-AnswerAcceptedEvent = ベストアンサーが選ばれたときのイベント
# en: The kudos.received event
notification-KudosReceivedEvent = 称賛を受け取ったときのイベント
# en: The post.reported event
notification-PostReportedEvent = 投稿が報告されたときのイベント
# en: The question.answered event
notification-QuestionAnsweredEvent = 質問に回答が付いたときのイベント
# en: The question.posted event
notification-QuestionPostedEvent = 質問が投稿されたときのイベント
# en: The question.unanswered event
notification-QuestionUnansweredEvent = 回答のない質問が残っているときのイベント
# en: The tip.published event
notification-TipPublishedEvent = ヒントが公開されたときのイベント
# en: The win.logged event
notification-WinLoggedEvent = 成果が記録されたときのイベント

## Objects (definitions): what each one is.
# en: An answer to a question.
schema-Answer = 質問への回答。
# en: The event a subscription to `answer.accepted` receives.
schema-AnswerAcceptedEvent = 「ベストアンサーが選ばれたとき」のトリガーが受け取るイベント。
# en: A subscription to accepted answers.
schema-AnswerAcceptedSubscription = ベストアンサーが選ばれたときの通知の登録。
# en: An answer to post, or the new text of one.
schema-AnswerInput = 投稿する回答、または回答の新しい本文。
# en: A personal API key, without its secret.
schema-ApiKey = 個人用の API キー（シークレットは含みません）。
# en: A list of API keys.
schema-ApiKeyList = API キーの一覧。
# en: A key to create.
schema-CreateApiKey = 作成する API キー。
# en: A member to create.
schema-CreateMember = 作成するメンバー。
# en: A question to ask.
schema-CreateQuestion = 投稿する質問。
# en: A post to report.
schema-CreateReport = 報告する投稿。
# en: A tag to create ahead of use.
schema-CreateTag = 前もって作成するタグ。
# en: A tip to write.
schema-CreateTip = 書くヒント。
# en: A win to log.
schema-CreateWin = 記録する成果。
# en: A newly made API key, with its secret. The secret is shown this once and never again.
schema-CreatedApiKey = 新しく作成した API キーとそのシークレット。シークレットが表示されるのはこの一度だけです。
# en: The created member and, unless declined, their first API key (secret shown once).
schema-CreatedMember = 作成したメンバーと、不要と指定しなかった場合はその最初の API キー（シークレットは一度だけ表示）。
# en: One event sent (or to be sent) to one subscription.
schema-Delivery = 1 つの通知の登録に送信した（または送信する）1 つのイベント。
# en: A page of deliveries, newest event first.
schema-DeliveryPage = 配信の 1 ページ（新しいイベント順）。
# en: Where a delivery stands.
schema-DeliveryStatus = 配信の状態。
# en: Something that happened, as a webhook receives it and `GET /events` lists it. Which of `question`, `answer`, `tip`, `win`, `kudos`, `report` and `hidden_post` are present depends on `type`.
schema-Event = 起きたこと。Webhook が受け取り、`GET /events` が一覧表示する形です。質問、回答、ヒント、成果、称賛、報告、非表示にされた投稿のどれが含まれるかは、イベントの種類によります。
# en: The answer an event is about.
schema-EventAnswer = イベントの対象の回答。
# en: The post a moderator hid, as its author is told. It never names the moderator or the reporters.
schema-EventHiddenPost = モデレーターが非表示にした投稿（投稿者に伝えられる内容）。対応したモデレーターや報告者は含まれません。
# en: The kudos an event is about.
schema-EventKudos = イベントの対象の称賛。
# en: Someone named in an event.
schema-EventMember = イベントに登場するメンバー。
# en: The events after the cursor: the oldest `limit` of them, listed newest first.
schema-EventPage = 前回の続きのイベント。古いものから最大「件数」件を取り出し、新しい順に並べます。
# en: The question an event is about.
schema-EventQuestion = イベントの対象の質問。
# en: The report an event is about. It never names the reporter.
schema-EventReport = イベントの対象の報告。報告者は含まれません。
# en: The tip an event is about.
schema-EventTip = イベントの対象のヒント。
# en: What happened.
schema-EventType = 起きたこと。
# en: The win an event is about.
schema-EventWin = イベントの対象の成果。
# en: One problem with one input field.
schema-FieldError = 1 つの入力項目についての問題。
# en: The service's state.
schema-Health = サービスの状態。
# en: Community health figures for one interval.
schema-HealthFigures = 1 期間分のコミュニティの状況の数字。
# en: How a health report is cut.
schema-HealthInterval = コミュニティの状況のレポートの区切り方。
# en: A community health report.
schema-HealthReport = コミュニティの状況のレポート。
# en: Headline numbers for the last 30 days.
schema-HealthSummary = 過去 30 日の主な数字。
# en: Questions and tips that helped.
schema-HelpedBy = 役に立った質問とヒント。
# en: Someone who can help with a topic.
schema-Helper = タグについて相談できる人。
# en: People who can help with a topic.
schema-HelperList = タグについて相談できる人。
# en: How much time a win saves.
schema-Impact = 成果で節約できる時間。
# en: Kudos given.
schema-Kudos = 送った称賛。
# en: Kudos to give.
schema-KudosInput = 送る称賛。
# en: The event a subscription to `kudos.received` receives.
schema-KudosReceivedEvent = 「称賛を受け取ったとき」のトリガーが受け取るイベント。
# en: A subscription to the kudos I receive.
schema-KudosReceivedSubscription = 自分が受け取る称賛の通知の登録。
# en: A language tsunagu speaks: `en` (English) or `ja` (Japanese).
schema-Language = tsunagu の表示言語：`en`（英語）または `ja`（日本語）。
# en: The opt-in leaderboard.
schema-Leaderboard = 参加を選んだ人だけのランキング。
# en: A member on the leaderboard.
schema-LeaderboardEntry = ランキングに載っているメンバー。
# en: The "me too" state of a question.
schema-MeToo = 質問の「私も」の状態。
# en: A member of the community, with their own settings.
schema-Member = コミュニティのメンバーと、本人の設定。
# en: A member as other members see them: no e-mail address.
schema-MemberProfile = ほかのメンバーから見たメンバー情報（メールアドレスは含みません）。
# en: Someone in the community, as other members see them.
schema-MemberRef = ほかのメンバーから見たコミュニティの参加者。
# en: Money saved per month.
schema-Money = 1 か月あたりの節約金額。
# en: The window a leaderboard covers.
schema-Period = ランキングの対象期間。
# en: The event a subscription to `post.reported` receives.
schema-PostReportedEvent = 「投稿が報告されたとき」のトリガーが受け取るイベント。
# en: A subscription to reports of posts (moderators only).
schema-PostReportedSubscription = 投稿が報告されたときの通知の登録（モデレーターのみ）。
# en: An RFC 9457 problem document, as sent on every error response.
schema-Problem = すべてのエラー応答で返される RFC 9457 形式の問題詳細。
# en: A question.
schema-Question = 質問。
# en: The event a subscription to `question.answered` receives.
schema-QuestionAnsweredEvent = 「質問に回答が付いたとき」のトリガーが受け取るイベント。
# en: A subscription to new answers.
schema-QuestionAnsweredSubscription = 新しい回答の通知の登録。
# en: One page of questions.
schema-QuestionPage = 質問の一覧（1 ページ分）。
# en: The event a subscription to `question.posted` receives.
schema-QuestionPostedEvent = 「質問が投稿されたとき」のトリガーが受け取るイベント。
# en: A subscription to new questions.
schema-QuestionPostedSubscription = 新しい質問の通知の登録。
# en: The order of a question listing.
schema-QuestionSort = 質問一覧の並び順。
# en: Where a question stands.
schema-QuestionStatus = 質問の状態。
# en: The event a subscription to `question.unanswered` receives.
schema-QuestionUnansweredEvent = 「回答のない質問が残っているとき」のトリガーが受け取るイベント。
# en: A subscription to questions left without an answer.
schema-QuestionUnansweredSubscription = 回答のないまま残っている質問の通知の登録。
# en: A question with all its answers (accepted first, then oldest first).
schema-QuestionWithAnswers = 質問とそのすべての回答（ベストアンサーが先頭、あとは古い順）。
# en: A reaction to give.
schema-ReactionInput = 付けるリアクション。
# en: A positive reaction to an answer. There are no down-votes, by design.
schema-ReactionKind = 回答へのポジティブなリアクション。低評価はあえて用意していません。
# en: A report of a post. It never names the reporter.
schema-Report = 投稿の報告。報告者は含まれません。
# en: One page of the moderators' queue.
schema-ReportPage = モデレーターの対応待ち一覧の 1 ページ。
# en: Why a member reports a post.
schema-ReportReason = メンバーが投稿を報告する理由。
# en: Where a report stands.
schema-ReportStatus = 報告の状態。
# en: What kind of post a report is about.
schema-ReportTargetKind = 報告の対象になる投稿の種類。
# en: What a moderator does with a report.
schema-ResolveAction = モデレーターが報告にどう対応するか。
# en: What a moderator does with a report.
schema-ResolveReport = モデレーターが報告にどう対応するか。
# en: What a member may do. Each role includes the ones before it.
schema-Role = メンバーができること。各ロールはそれより前のロールの権限を含みます。
# en: A role to give a member.
schema-SetRole = メンバーに与えるロール。
# en: An existing question similar to a draft.
schema-SimilarQuestion = 下書きに似ている既存の質問。
# en: Questions similar to a draft, most similar first.
schema-SimilarQuestionList = 下書きに似ている質問（似ている順）。
# en: A webhook subscription.
schema-Subscription = Webhook の通知の登録。
# en: A list of subscriptions.
schema-SubscriptionList = 通知の登録の一覧。
# en: A topic.
schema-Tag = タグ（タグ）。
# en: A list of tags, most used first.
schema-TagList = タグの一覧（使われている順）。
# en: A topic: 1–40 letters of any script, digits, `-`, `_` or `.`.
schema-TagName = タグ：文字（日本語も可）、数字、`-`、`_`、`.` で 1～40 文字。
# en: A tip.
schema-Tip = ヒント。
# en: Who a tip is written for (and a member's own level).
schema-TipLevel = ヒントの対象者（とメンバー自身のレベル）。
# en: One page of tips.
schema-TipPage = ヒントの一覧（1 ページ分）。
# en: The event a subscription to `tip.published` receives.
schema-TipPublishedEvent = 「ヒントが公開されたとき」のトリガーが受け取るイベント。
# en: A subscription to new tips.
schema-TipPublishedSubscription = 新しいヒントの通知の登録。
# en: A reaction to a tip.
schema-TipReactionInput = ヒントへのリアクション。
# en: A positive reaction to a tip.
schema-TipReactionKind = ヒントへのポジティブなリアクション。
# en: Changes to the caller's own settings; absent fields stay as they are.
schema-UpdateMe = 呼び出したメンバー自身の設定の変更内容。指定しなかった項目はそのまま残ります。
# en: Changes to a question; absent fields stay as they are.
schema-UpdateQuestion = 質問の変更内容。指定しなかった項目はそのまま残ります。
# en: Changes to a tip; absent fields stay as they are.
schema-UpdateTip = ヒントの変更内容。指定しなかった項目はそのまま残ります。
# en: Changes to a win; absent fields stay as they are.
schema-UpdateWin = 成果の変更内容。指定しなかった項目はそのまま残ります。
# en: A win: something a member automated, and what it saves.
schema-Win = 成果: メンバーが自動化したことと、それで節約できたもの。
# en: The event a subscription to `win.logged` receives.
schema-WinLoggedEvent = 「成果が記録されたとき」のトリガーが受け取るイベント。
# en: A subscription to new wins.
schema-WinLoggedSubscription = 新しい成果の通知の登録。
# en: One page of wins.
schema-WinPage = 成果の一覧（1 ページ分）。

## Fields of objects: desc-<Object>-<field> (a field inside a field names both), or desc-<field> wherever the field has the same English.
# en: Interval end (exclusive), in the same offset.
desc-HealthFigures-end = 期間の終了日時（この日時は含みません）。同じ時差で書かれます。
# en: Interval start: local midnight in the members' time zone (`TSUNAGU_UTC_OFFSET`), written with that offset (`2026-11-30T00:00:00+09:00`), so a week or month reads as the members' own.
desc-HealthFigures-start = 期間の開始日時。社内の時間帯（サーバーで設定した時差）の午前 0 時で、その時差付きで書かれます（`2026-11-30T00:00:00+09:00`）。週や月が社内のカレンダーどおりに読めます。
# en: The answer, in Markdown.
desc-Answer-body = 回答（Markdown）。
# en: When it was posted.
desc-Answer-created_at = 投稿した日時。
# en: Answer id.
desc-Answer-id = 回答 ID。
# en: The answer's URL in this API.
desc-Answer-link = この API での回答の URL。
# en: Whether the caller wrote this answer.
desc-Answer-mine = 呼び出したメンバーが書いた回答かどうか。
# en: Event id; increases with time.
desc-AnswerAcceptedEvent-id = イベント ID。時間とともに増えます。
# en: The answer in Markdown, 1–20,000 characters.
desc-AnswerInput-body = 回答（Markdown、1～20,000 文字）。
# en: When the key was made.
desc-ApiKey-created_at = キーを作成した日時。
# en: Key id (use it to revoke the key).
desc-ApiKey-id = キー ID（キーを無効にするときに使います）。
# en: A label to recognise the key by, 1–80 characters.
desc-CreateApiKey-name = キーを見分けるための名前（1～80 文字）。
# en: The name shown to others, 1–80 characters.
desc-CreateMember-display_name = ほかの人に表示される名前（1～80 文字）。
# en: E-mail address (unique), optional.
desc-CreateMember-email = メールアドレス（重複不可、省略可）。
# en: Role; `member` when absent.
desc-CreateMember-role = ロール（省略時は `member`）。
# en: Hide who asked from everyone else (default false).
desc-CreateQuestion-anonymous = はいにすると、質問者をほかの人に見せません（既定はいいえ）。
# en: Details in Markdown, 1–20,000 characters.
desc-CreateQuestion-body = 詳しい内容（Markdown、1～20,000 文字）。
# en: Up to 5 topics; new ones are created on first use.
desc-CreateQuestion-tags = 最大 5 個のタグ（新しいタグは初めて使ったときに作られます）。
# en: The question in one line, 5–150 characters.
desc-CreateQuestion-title = 質問を 1 行で（5～150 文字）。
# en: Anything moderators should know, 1–1,000 characters (optional; the author never sees it).
desc-CreateReport-note = モデレーターに伝えたいこと（1～1,000 文字、省略可。投稿者には表示されません）。
# en: Why you report it.
desc-CreateReport-reason = 報告の理由。
# en: The post's id.
desc-CreateReport-target_id = 投稿の ID。
# en: What kind of post: `question`, `answer`, `tip` or `win`.
desc-CreateReport-target_kind = 投稿の種類: `question`（質問）、`answer`（回答）、`tip`（ヒント）、`win`（成果）。
# en: The tip in Markdown, 1–20,000 characters.
desc-CreateTip-body = ヒントの内容（Markdown、1～20,000 文字）。
# en: Who the tip is for (default `beginner`).
desc-CreateTip-level = ヒントの対象者（既定は `beginner`）。
# en: Up to 5 topics; new ones are created on first use.
desc-CreateTip-tags = 最大 5 個のタグ（新しいタグは初めて使ったときに作られます）。
# en: The tip in one line, 5–150 characters.
desc-CreateTip-title = ヒントを 1 行で（5～150 文字）。
# en: The flow or app (an http or https URL), optional.
desc-CreateWin-link = フローやアプリ（http または https の URL、省略可）。
# en: Up to 5 topics.
desc-CreateWin-tags = 最大 5 個のタグ。
# en: The win in one line, 5–150 characters.
desc-CreateWin-title = 成果を 1 行で（5～150 文字）。
# en: The secret key: send it as `Authorization: Bearer <key>`. Store it now; it cannot be shown again.
desc-CreatedApiKey-secret = シークレットキー。`Authorization: Bearer <key>` として送ります。再表示できないので、すぐに保管してください。
# en: The new member.
desc-CreatedMember-member = 新しいメンバー。
# en: When it was queued.
desc-Delivery-created_at = キューに入った日時。
# en: Delivery id (random, `dlv_` and 24 hex digits); the `webhook-id` header is `msg_<id>`.
desc-Delivery-id = 配信 ID（`dlv_` と 24 桁の 16 進数のランダムな値）。`webhook-id` ヘッダーは `msg_<ID>` です。
# en: The deliveries.
desc-DeliveryPage-items = 配信。
# en: Event id; increases with time.
desc-Event-id = イベント ID。時間とともに増えます。
# en: When it was posted.
desc-EventAnswer-created_at = 投稿した日時。
# en: Answer id.
desc-EventAnswer-id = 回答 ID。
# en: The answer's URL in this API.
desc-EventAnswer-link = この API での回答の URL。
# en: Why the moderator hid it.
desc-EventHiddenPost-reason = モデレーターが非表示にした理由。
# en: The hidden post's id.
desc-EventHiddenPost-target_id = 非表示にされた投稿の ID。
# en: What kind of post was hidden.
desc-EventHiddenPost-target_kind = 非表示にされた投稿の種類。
# en: The post's URL in this API (its author and moderators can still open it).
desc-EventHiddenPost-target_link = この API での投稿の URL（投稿者とモデレーターは引き続き開けます）。
# en: The post's title (question, tip, win) or its first 280 characters (answer).
desc-EventHiddenPost-target_title = 投稿のタイトル（質問、ヒント、成果）、または最初の 280 文字（回答）。
# en: Kudos id.
desc-EventKudos-id = 称賛 ID。
# en: The win's or answer's URL in this API.
desc-EventKudos-link = この API での成果または回答の URL。
# en: The win's or answer's id.
desc-EventKudos-target_id = 成果または回答の ID。
# en: What it was given for: `win` or `answer`.
desc-EventKudos-target_kind = 称賛の対象: `win` または `answer`。
# en: The events, newest first: the oldest `limit` events after `after`.
desc-EventPage-items = イベント（新しい順）。前回の続きから古いものを最大「件数」件です。
# en: Question id.
desc-EventQuestion-id = 質問 ID。
# en: Report id.
desc-EventReport-id = 報告 ID。
# en: The report's URL in this API (for moderators).
desc-EventReport-link = この API での報告の URL（モデレーター向け）。
# en: Who wrote it.
desc-EventTip-author = 投稿者。
# en: Tip id.
desc-EventTip-id = ヒント ID。
# en: The tip's URL in this API.
desc-EventTip-link = この API でのヒントの URL。
# en: The tip in one line.
desc-EventTip-title = ヒントを 1 行で表したもの。
# en: Who logged it.
desc-EventWin-author = 記録した人。
# en: Win id.
desc-EventWin-id = 成果 ID。
# en: The win's URL in this API.
desc-EventWin-link = この API での成果の URL。
# en: The win in one line.
desc-EventWin-title = 成果を 1 行で表したもの。
# en: `ok` when the check passed.
desc-Health-status = 確認に成功した場合は `ok`。
# en: Hours saved per month by the wins logged in the interval.
desc-HealthFigures-hours_saved_per_month = 期間内に記録された成果による 1 か月あたりの節約時間。
# en: One row per interval, oldest first.
desc-HealthReport-items = 期間ごとに 1 行（古い順）。
# en: Members active in the last 30 days (anonymous questions and their askers' acts in them not counted per member).
desc-HealthSummary-active_members = 過去 30 日に活動したメンバーの数（匿名の質問と、その質問の中で質問者がしたことは、人数に数えません）。
# en: Share (0–1) of them first answered by someone else within 24 hours.
desc-HealthSummary-anonymous_answered_within_24h_share = そのうち、24 時間以内に質問者以外から最初の回答があった割合（0～1）。
# en: Questions asked anonymously in the last 30 days.
desc-HealthSummary-anonymous_questions_asked = 過去 30 日に匿名で投稿された質問の数。
# en: Share (0–1) of them first answered by someone else within 24 hours.
desc-HealthSummary-answered_within_24h_share = そのうち、24 時間以内に質問者以外から最初の回答があった割合（0～1）。
# en: Members whose first question asked by name ever came in the last 30 days.
desc-HealthSummary-first_time_askers = 名前を出しての初めての質問が過去 30 日以内だったメンバーの数。
# en: Kudos given in the last 30 days.
desc-HealthSummary-kudos_given = 過去 30 日に送られた称賛の数。
# en: Median hours to the first answer by someone else; absent when none.
desc-HealthSummary-median_hours_to_first_answer = 質問者以外の最初の回答までの時間の中央値（時間単位）。該当がない場合は含まれません。
# en: Questions asked in the last 30 days, anonymous ones included.
desc-HealthSummary-questions_asked = 過去 30 日に投稿された質問の数（匿名の質問を含む）。
# en: Wins logged in the last 30 days.
desc-HealthSummary-wins_logged = 過去 30 日に記録された成果の数。
# en: Best first.
desc-HelperList-items = 上位から順に。
# en: Kudos id.
desc-Kudos-id = 称賛 ID。
# en: The win or answer id.
desc-Kudos-target_id = 成果または回答の ID。
# en: `win` or `answer`.
desc-Kudos-target_kind = `win`（成果）または `answer`（回答）。
# en: A short message, up to 280 characters, optional.
desc-KudosInput-message = 短いメッセージ（280 文字まで、省略可）。
# en: Event id; increases with time.
desc-KudosReceivedEvent-id = イベント ID。時間とともに増えます。
# en: Members who chose to appear, best first.
desc-Leaderboard-items = 表示を選んだメンバー（上位から順に）。
# en: Accepted answers in the period.
desc-LeaderboardEntry-accepted_answers = 期間内にベストアンサーに選ばれた回答の数。
# en: Answers in the period that someone found helpful.
desc-LeaderboardEntry-helpful_answers = 期間内の回答のうち「役に立った」が付いたものの数。
# en: Whether the caller is one of them.
desc-MeToo-me_too = 呼び出したメンバーがそのひとりかどうか。
# en: Question id.
desc-MeToo-question_id = 質問 ID。
# en: When the member joined.
desc-Member-created_at = メンバーが参加した日時。
# en: The member's level; it chooses their tip of the day.
desc-Member-level = メンバーのレベル。今日のヒントはこのレベルから選ばれます。
# en: Answers the asker accepted (self-answers do not count).
desc-MemberProfile-accepted_answers = ベストアンサーに選ばれた回答の数（自分の質問への回答は数えません）。
# en: When the member joined.
desc-MemberProfile-created_at = メンバーが参加した日時。
# en: Hours saved per month by other members' wins that name a tip this member wrote or a question they answered (accepted or helpful answer); each win counts once.
desc-MemberProfile-hours_saved_credited = このメンバーが書いたヒント、または回答した質問（ベストアンサーか「役に立った」が付いた回答）を挙げたほかのメンバーの成果による、1 か月あたりの節約時間。成果ごとに 1 回だけ数えます。
# en: Kudos received on wins and answers.
desc-MemberProfile-kudos_received = 成果と回答で受け取った称賛の数。
# en: Wins logged.
desc-MemberProfile-wins_logged = 記録した成果の数。
# en: Event id; increases with time.
desc-PostReportedEvent-id = イベント ID。時間とともに増えます。
# en: A stable machine-readable code (the last part of `type`, with underscores).
desc-Problem-code = プログラムで判定するための変わらないコード（エラーの種類の URI の末尾を、アンダースコア区切りにしたもの）。
# en: What went wrong in this case, for people, in the language of the response (`Content-Language`: the request's `Accept-Language`, else the member's own setting, else `TSUNAGU_DEFAULT_LANGUAGE`).
desc-Problem-detail = 今回何が起きたかの説明。応答の言語（`Content-Language`。リクエストの `Accept-Language`、なければメンバーが選んだ言語、それもなければ `TSUNAGU_DEFAULT_LANGUAGE`）で書かれます。
# en: The HTTP status code.
desc-Problem-status = HTTP ステータスコード。
# en: A short summary of the kind of problem.
desc-Problem-title = 問題の種類の短い説明。
# en: A URI naming the kind of problem; stable, compare it or `code`.
desc-Problem-type = エラーの種類を表す URI。変わらないので、これか「コード」で判定してください。
# en: Who asked; absent when the question is anonymous (except for the asker).
desc-Question-author = 質問者。匿名の質問では含まれません（質問者本人を除く）。
# en: Question id.
desc-Question-id = 質問 ID。
# en: Where the question stands.
desc-Question-status = 質問の状態。
# en: Event id; increases with time.
desc-QuestionAnsweredEvent-id = イベント ID。時間とともに増えます。
# en: Only answers to questions I asked.
desc-QuestionAnsweredSubscription-mine_only = 自分がした質問への回答のみ。
# en: The questions on this page.
desc-QuestionPage-items = このページの質問。
# en: Event id; increases with time.
desc-QuestionPostedEvent-id = イベント ID。時間とともに増えます。
# en: Event id; increases with time.
desc-QuestionUnansweredEvent-id = イベント ID。時間とともに増えます。
# en: Its answers.
desc-QuestionWithAnswers-answers = この質問への回答。
# en: When it was reported.
desc-Report-created_at = 報告した日時。
# en: Report id.
desc-Report-id = 報告 ID。
# en: The report's URL in this API.
desc-Report-link = この API での報告の URL。
# en: How many members have reported this post, in any status (moderators only).
desc-Report-report_count = この投稿を報告したメンバーの数（状態を問わず。モデレーターのみ）。
# en: Where the report stands.
desc-Report-status = 報告の状態。
# en: The post's title, or the first 280 characters of an answer (moderators only; absent once the post is deleted).
desc-Report-target_title = 投稿のタイトル、または回答の最初の 280 文字（モデレーターのみ。投稿が削除された後は含まれません）。
# en: The reports on this page, oldest first.
desc-ReportPage-items = このページの報告（古い順）。
# en: Why, 1–500 characters; required to hide (the author is shown it), optional otherwise.
desc-ResolveReport-reason = 理由（1～500 文字）。非表示にする場合は必須で、投稿者に表示されます。それ以外の場合は省略できます。
# en: The new role.
desc-SetRole-role = 新しいロール。
# en: Question id.
desc-SimilarQuestion-id = 質問 ID。
# en: Title.
desc-SimilarQuestion-title = タイトル。
# en: Up to `limit` questions.
desc-SimilarQuestionList-items = 最大「件数」件の質問。
# en: When it was made.
desc-Subscription-created_at = 作成日時。
# en: Which events it receives.
desc-Subscription-event_type = 受け取るイベント。
# en: For unanswered-question subscriptions: after how many hours without an answer.
desc-Subscription-hours = 未回答の質問の通知の場合: 回答がないまま何時間たったら通知するか。
# en: Subscription id.
desc-Subscription-id = 通知の登録 ID。
# en: Only tips for this level.
desc-Subscription-level = このレベル向けのヒントだけにします。
# en: The subscription's URL in this API (`DELETE` it to unsubscribe).
desc-Subscription-link = この API での通知の登録の URL（`DELETE` すると登録解除）。
# en: Only events about the subscriber's own questions or answers.
desc-Subscription-mine_only = 登録者自身の質問や回答に関するイベントのみ。
# en: Only events with this tag.
desc-Subscription-tag = このタグのイベントのみ。
# en: The subscriptions, newest first.
desc-SubscriptionList-items = 通知の登録（新しい順）。
# en: The tag's slug.
desc-Tag-slug = タグ名。
# en: The tags.
desc-TagList-items = タグの一覧。
# en: Who wrote it.
desc-Tip-author = 投稿者。
# en: The tip, in Markdown.
desc-Tip-body = ヒントの内容（Markdown）。
# en: When it was written.
desc-Tip-created_at = 書いた日時。
# en: Chosen by a moderator as a featured tip.
desc-Tip-featured = モデレーターがおすすめに選んだヒントかどうか。
# en: Tip id.
desc-Tip-id = ヒント ID。
# en: The tip's URL in this API.
desc-Tip-link = この API でのヒントの URL。
# en: Whether the caller wrote it.
desc-Tip-mine = 呼び出したメンバーが書いたかどうか。
# en: The tip in one line.
desc-Tip-title = ヒントを 1 行で表したもの。
# en: The tips on this page.
desc-TipPage-items = このページのヒント。
# en: Event id; increases with time.
desc-TipPublishedEvent-id = イベント ID。時間とともに増えます。
# en: Only tips for this level.
desc-TipPublishedSubscription-level = このレベル向けのヒントだけにします。
# en: Only tips with this tag.
desc-TipPublishedSubscription-tag = このタグのヒントのみ。
# en: `helpful`: the only reaction to a tip.
desc-TipReactionInput-kind = `helpful`（役に立った）: ヒントへの唯一のリアクション。
# en: Department, up to 80 characters; `null` clears it (an empty string, like an absent field, leaves it as it is).
desc-UpdateMe-department = 部署（80 文字まで）。空（null）を送ると消去します（空欄のときは、指定しなかったときと同じく変更しません）。
# en: Topics in which you are happy to be asked (up to 10); replaces the old list.
desc-UpdateMe-helper_tags = 相談に乗れるタグ（最大 10 個）。今の一覧と置き換わります。
# en: Topics you are interested in (up to 10); replaces the old list.
desc-UpdateMe-interests = 関心のあるタグ（最大 10 個）。今の一覧と置き換わります。
# en: The language to read error messages in when a request does not name one with `Accept-Language`: `en` or `ja`; `null` goes back to the server's default.
desc-UpdateMe-language = リクエストに `Accept-Language` がないときのエラーメッセージの言語：`en`（英語）または `ja`（日本語）。空（null）を送るとサーバーの既定に戻します。
# en: Your level: `beginner`, `intermediate` or `advanced`.
desc-UpdateMe-level = 自分のレベル: `beginner`（初級）、`intermediate`（中級）、`advanced`（上級）。
# en: Appear on the leaderboard (default false: recognition is private).
desc-UpdateMe-show_on_leaderboard = ランキングに表示するかどうか（既定はいいえ。誰が称賛されたかは、本人が選ばない限り公開されません）。
# en: Change anonymity; only the asker may.
desc-UpdateQuestion-anonymous = 匿名にするかどうかを変更します。変更できるのは質問者だけです。
# en: New body, 1–20,000 characters.
desc-UpdateQuestion-body = 新しい本文（1～20,000 文字）。
# en: New set of topics (replaces the old set), up to 5.
desc-UpdateQuestion-tags = 新しいタグ（今のタグと置き換わります、最大 5 個）。
# en: New title, 5–150 characters.
desc-UpdateQuestion-title = 新しいタイトル（5～150 文字）。
# en: New body, 1–20,000 characters.
desc-UpdateTip-body = 新しい本文（1～20,000 文字）。
# en: Feature or unfeature (moderators only).
desc-UpdateTip-featured = おすすめにする・外す（モデレーターのみ）。
# en: New level.
desc-UpdateTip-level = 新しいレベル。
# en: New set of topics (replaces the old set), up to 5.
desc-UpdateTip-tags = 新しいタグ（今のタグと置き換わります、最大 5 個）。
# en: New title, 5–150 characters.
desc-UpdateTip-title = 新しいタイトル（5～150 文字）。
# en: New list of questions and tips that helped.
desc-UpdateWin-helped_by = 役に立った質問とヒントの新しい一覧。
# en: New impact.
desc-UpdateWin-impact = 新しい効果。
# en: New link to the flow or app.
desc-UpdateWin-link = フローやアプリへの新しいリンク。
# en: New money saved per month.
desc-UpdateWin-money_saved_per_month = 新しい 1 か月あたりの節約金額。
# en: New story, 1–20,000 characters.
desc-UpdateWin-story = 新しい説明（1～20,000 文字）。
# en: New set of topics, up to 5.
desc-UpdateWin-tags = 新しいタグ（最大 5 個）。
# en: New title, 5–150 characters.
desc-UpdateWin-title = 新しいタイトル（5～150 文字）。
# en: Who logged it.
desc-Win-author = 記録した人。
# en: When it was logged.
desc-Win-created_at = 記録した日時。
# en: Questions and tips that helped.
desc-Win-helped_by = 役に立った質問とヒント。
# en: minutes_saved_per_run × runs_per_month × people_helped ÷ 60, rounded to 0.01.
desc-Win-hours_saved_per_month = 「1 回あたりの節約時間（分）」×「1 か月の実行回数」×「助かる人数」÷ 60（小数第 2 位まで）。
# en: Win id.
desc-Win-id = 成果 ID。
# en: Whether the caller gave kudos.
desc-Win-kudos_given = 呼び出したメンバーが称賛を送ったかどうか。
# en: The flow or app, when given (absent otherwise).
desc-Win-link = フローやアプリ（指定されていない場合は含まれません）。
# en: Whether the caller logged it.
desc-Win-mine = 呼び出したメンバーが記録したかどうか。
# en: Money saved per month, when given (absent otherwise).
desc-Win-money_saved_per_month = 1 か月あたりの節約金額（指定されていない場合は含まれません）。
# en: What was built and what changed, in Markdown.
desc-Win-story = 作ったものと変わったこと（Markdown）。
# en: The win in one line.
desc-Win-title = 成果を 1 行で表したもの。
# en: Event id; increases with time.
desc-WinLoggedEvent-id = イベント ID。時間とともに増えます。
# en: Only wins with this tag.
desc-WinLoggedSubscription-tag = このタグの成果のみ。
# en: The wins on this page.
desc-WinPage-items = このページの成果。
# en: Whether the asker accepted this answer.
desc-accepted = 質問者がこの回答をベストアンサーに選んだかどうか。
# en: The accepted answer's id, once the asker accepted one.
desc-accepted_answer_id = ベストアンサーの回答 ID（質問者が選んだ場合）。
# en: Their accepted answers in this topic in the last 180 days.
desc-accepted_answers = 過去 180 日のこのタグでベストアンサーに選ばれた回答の数。
# en: `hide` the post, record that you `edited` it, or `dismiss` the report.
desc-action = 投稿を非表示にする（`hide`）、投稿を編集したことを記録する（`edited`）、または対応不要として報告を閉じる（`dismiss`）。
# en: False once unsubscribed, or after the receiver answered that the flow is gone.
desc-active = 登録解除の後、または受信側がフローが存在しないと応答した後はいいえ。
# en: Members who asked by name, answered, reacted, wrote a tip, logged a win or gave kudos in the interval (nothing an anonymous asker did in her own thread counts).
desc-active_members = 期間内に名前を出しての質問、回答、リアクション、ヒントの投稿、成果の記録、称賛のいずれかをしたメンバーの数（匿名の質問者が自分の質問の中でしたことは数えません）。
# en: Amount per month, 0–1,000,000,000, in hundredths (e.g. 1200.50).
desc-amount = 1 か月あたりの金額（0～1,000,000,000、小数点以下 2 桁まで。例: 1200.50）。
# en: Whether the asker chose to stay anonymous.
desc-anonymous = 質問者が匿名を選んだかどうか。
# en: Share (0–1) of the interval's anonymous questions first answered by someone else within 24 hours.
desc-anonymous_answered_within_24h_share = 期間内の匿名の質問のうち、24 時間以内に質問者以外から最初の回答があった割合（0～1）。
# en: Of the interval's questions, those asked anonymously.
desc-anonymous_questions_asked = 期間内の質問のうち、匿名で投稿された質問の数。
# en: The answer (`question.answered`, `answer.accepted`).
desc-answer = 回答（`question.answered`、`answer.accepted`）。
# en: Number of answers.
desc-answer_count = 回答の数。
# en: Of those, questions someone other than the asker has answered.
desc-answered = そのうち、質問者以外の誰かが回答した質問の数。
# en: Share (0–1) of the interval's questions first answered by someone else within 24 hours.
desc-answered_within_24h_share = 期間内の質問のうち、24 時間以内に質問者以外から最初の回答があった割合（0～1）。
# en: Answers written (not counting an anonymous asker's answers to their own question).
desc-answers = 書いた回答の数（匿名の質問者が自分の質問に書いた回答は数えません）。
# en: Their first API key, with its secret.
desc-api_key = そのメンバーの最初の API キーとシークレット。
# en: The win's URL in this API.
desc-api_link = この API での成果の URL。
# en: Who asked; absent when the question is anonymous.
desc-asker = 質問者。匿名の質問では省略されます。
# en: Attempts made so far.
desc-attempts = これまでの送信試行回数。
# en: Who answered; absent when the anonymous asker answered their own question.
desc-author = 回答者。匿名の質問者が自分の質問に回答した場合は含まれません。
# en: Details, in Markdown.
desc-body = 詳しい内容（Markdown）。
# en: `body` rendered as HTML for Teams posts and Power Apps' HTML text control: sanitised (no scripts, event handlers or `javascript:` links; links get `rel="noopener noreferrer nofollow"`; images show their alt text; HTML typed into the Markdown is shown as text).
desc-body_html = 本文を HTML にしたもの。Teams への投稿や Power Apps の HTML テキストにそのまま使えます。安全のため、スクリプトや危険なリンクは取り除き、画像は代替テキストで表示し、本文に書かれた HTML はそのまま文字として表示します。
# en: Whether the asker of the question wrote this answer.
desc-by_asker = 質問者自身が書いた回答かどうか。
# en: The host events are sent to (the full callback URL is never shown).
desc-callback_host = イベントの送信先ホスト（コールバック URL 全体は表示されません）。
# en: The URL events are POSTed to (Power Automate fills it in).
desc-callback_url = イベントを POST する URL（Power Automate が入力します）。
# en: A stable machine-readable reason, e.g. `too_short`, `too_long`, `required`, `invalid`.
desc-code = プログラムで判定するための理由コード（例: `too_short`、`too_long`、`required`、`invalid`）。
# en: When it was asked.
desc-created_at = 質問した日時。
# en: ISO 4217 currency code.
desc-currency = ISO 4217 の通貨コード。
# en: Pass as `after` next time: the newest event id in `items` (or the `after` given, when there are none; without `after`, the newest event).
desc-cursor = 次回「この番号より後」に渡す値。受け取ったイベントで最も新しいものの番号（イベントがなければ渡された値、省略したときは最新のイベント）。
# en: The database backend (`sqlite` or `postgres`), on readiness only.
desc-database = データベースの種類（`sqlite` または `postgres`、準備状態の確認時のみ）。
# en: Department, when given (absent otherwise).
desc-department = 部署（登録されていない場合は含まれません）。
# en: What is wrong and how to fix it, for people, in the language of the response (`Content-Language`).
desc-detail = 何が問題でどう直せばよいかの説明。応答の言語（`Content-Language`）で書かれます。
# en: The same in English, when `detail` is in another language.
desc-detail_en = 説明が英語以外のときの、同じ内容の英語。
# en: The name shown to others.
desc-display_name = ほかの人に表示される名前。
# en: E-mail address, when known (absent otherwise).
desc-email = メールアドレス（登録されていない場合は含まれません）。
# en: Interval end (exclusive).
desc-end = 期間の終了日時（この日時は含みません）。
# en: Why it ended, when it did.
desc-ended_reason = 終了した場合、その理由。
# en: The offending fields, for validation problems.
desc-errors = 入力の検証で問題があった項目。
# en: The event.
desc-event_id = イベント。
# en: The event's type.
desc-event_type = イベントの種類。
# en: The first 280 characters of the answer, in Markdown.
desc-excerpt = 回答の最初の 280 文字（Markdown）。
# en: `excerpt` rendered as sanitised HTML (as `body_html` of an answer), for Teams posts and Power Apps' HTML text control.
desc-excerpt_html = 抜粋を HTML にしたもの（回答の本文（HTML）と同じ安全な形）。Teams への投稿や Power Apps の HTML テキストに使えます。
# en: Feature the tip (moderators only; default false).
desc-featured = ヒントをおすすめにする（モデレーターのみ、既定はいいえ）。
# en: The field, as a JSON path for bodies (`title`, `tags[2]`) or the parameter name for queries.
desc-field = 問題のある項目。本文では JSON のパス（`title`、`tags[2]`）、クエリではパラメーター名。
# en: When it was delivered, failed or cancelled.
desc-finished_at = 配信、失敗、または取り消しの日時。
# en: Members whose first question asked by name ever was asked in the interval (anonymous questions never count per member).
desc-first_time_askers = 名前を出しての初めての質問が期間内だったメンバーの数（匿名の質問は人数に数えません）。
# en: Share (0–1) of those first questions answered by someone else within 24 hours.
desc-first_time_askers_answered_within_24h_share = それらの初めての質問のうち、24 時間以内に質問者以外から回答があった割合（0～1）。
# en: Who gave it; absent when the anonymous asker gave it inside her own question's thread (then `from_asker` is true).
desc-from = 送った人。匿名の質問者が自分の質問の中で送った場合は省略されます（そのとき「質問者から」ははいになります）。
# en: True when the kudos came from the question's anonymous asker, who stays unnamed.
desc-from_asker = 匿名の質問者から送られた称賛のとき、はい（質問者の名前は表示されません）。
# en: Whether more events are waiting after `cursor` (poll again now to get them).
desc-has_more = まだ受け取っていないイベントが残っているかどうか（すぐにもう一度取得すると受け取れます）。
# en: Questions and tips that helped, optional.
desc-helped_by = 役に立った質問とヒント（省略可）。
# en: Topics in which the member is happy to be asked for help.
desc-helper_tags = メンバーが相談に乗れるタグ。
# en: Whether the caller found it helpful.
desc-helpful = 呼び出したメンバーが「役に立った」を付けたかどうか。
# en: Their answers in this topic found helpful in the last 180 days.
desc-helpful_answers = 過去 180 日のこのタグで「役に立った」が付いた回答の数。
# en: How many members found it helpful.
desc-helpful_count = 「役に立った」を付けたメンバーの数。
# en: "Helpful" reactions received on answers and tips.
desc-helpful_received = 回答とヒントで受け取った「役に立った」の数。
# en: Whether a moderator hid it; then only its author and moderators see it.
desc-hidden = モデレーターが非表示にしたかどうか。非表示の場合、表示されるのは投稿者とモデレーターだけです。
# en: The hidden post (`post.hidden`, for its author).
desc-hidden_post = 非表示にされた投稿（`post.hidden`、投稿者向け）。
# en: Why a moderator hid it; absent unless hidden.
desc-hidden_reason = モデレーターが非表示にした理由。非表示でない場合は含まれません。
# en: Hours without an answer from another member before the trigger fires (1–720, default 24).
desc-hours = ほかのメンバーからの回答がないままトリガーが起動するまでの時間数（1～720、既定は 24）。
# en: Hours saved per month credited to the member by wins logged in the period.
desc-hours_saved_credited = 期間内に記録された成果によって、このメンバーの貢献とされた 1 か月あたりの節約時間。
# en: Hours saved per month (minutes per run × runs per month × people ÷ 60).
desc-hours_saved_per_month = 月あたりの節約時間（1 回あたりの分 × 月あたりの実行回数 × 人数 ÷ 60）。
# en: Member id.
desc-id = メンバー ID。
# en: The measured impact.
desc-impact = 測った効果。
# en: Topics the member is interested in (their tips of the day prefer these).
desc-interests = メンバーが関心のあるタグ（今日のヒントはこれを優先します）。
# en: How the period is cut.
desc-interval = 期間の区切り方。
# en: Also make a first API key for the member (default true).
desc-issue_api_key = メンバーの最初の API キーも作成するかどうか（既定ははい）。
# en: The keys, newest first.
desc-items = キーの一覧（新しい順）。
# en: `helpful` or `thanks`.
desc-kind = `helpful`（役に立った）または `thanks`（ありがとう）。
# en: The kudos (`kudos.received`).
desc-kudos = 称賛（`kudos.received`）。
# en: How many kudos it received.
desc-kudos_count = 受け取った称賛の数。
# en: Kudos given in the interval.
desc-kudos_given = 期間内に送られた称賛の数。
# en: Kudos received in the period.
desc-kudos_received = 期間内に受け取った称賛の数。
# en: The slug with its number of posts, for dropdowns: `approvals (15)`.
desc-label = ドロップダウン用の、タグ名と投稿数を並べた表示（例：`approvals (15)`）。
# en: The language the member reads error messages in, when they chose one (absent: the request's `Accept-Language`, else the server's default).
desc-language = メンバーが選んだ、エラーメッセージの言語（選んでいないときはありません。そのときはリクエストの `Accept-Language`、なければサーバーの既定の言語です）。
# en: When it last changed in any way (asked, answered, accepted, edited).
desc-last_activity_at = 最後に何かが起きた日時（投稿、回答、解決、編集）。
# en: What went wrong last time.
desc-last_error = 前回うまくいかなかった理由。
# en: The receiver's last HTTP status, if it answered.
desc-last_status = 受信側が応答した場合、最後の HTTP ステータス。
# en: Who the tip is written for.
desc-level = ヒントの対象者。
# en: The question's URL in this API.
desc-link = この API での質問の URL。
# en: Whether the caller said "me too".
desc-me_too = 呼び出したメンバーが「私も」と伝えたかどうか。
# en: How many members have this question too.
desc-me_too_count = 同じ疑問を持っているメンバーの数。
# en: Median hours from asking to the first answer by someone other than the asker, over the interval's answered questions; absent when none.
desc-median_hours_to_first_answer = 期間内の回答済みの質問について、質問から質問者以外の最初の回答までの時間（中央値、時間単位）。該当がない場合は含まれません。
# en: The member.
desc-member = メンバー。
# en: The member it belongs to.
desc-member_id = 所有するメンバー。
# en: The thank-you message, if any.
desc-message = 称賛のメッセージ（ある場合）。
# en: Whether the caller asked this question.
desc-mine = 呼び出したメンバーが投稿した質問かどうか。
# en: Only acceptances of answers I wrote.
desc-mine_only = 自分が書いた回答がベストアンサーに選ばれたときだけ。
# en: Minutes saved each time the flow or app runs, 0–1,440, in tenths of a minute (e.g. 2.5).
desc-minutes_saved_per_run = フローやアプリが 1 回動くたびに節約できる時間（分、0～1,440、0.1 分単位。例: 2.5）。
# en: Money saved per month, optional.
desc-money_saved_per_month = 1 か月あたりの節約金額（省略可）。
# en: The caller's own reactions to it.
desc-my_reactions = 呼び出したメンバー自身が付けたリアクション。
# en: The label given when the key was made.
desc-name = キーの作成時に付けた名前。
# en: Members whose first answer or tip ever came in the interval (an anonymous asker's answers in her own thread do not count).
desc-new_contributors = 初めての回答またはヒントが期間内だったメンバーの数（匿名の質問者が自分の質問に書いた回答は数えません）。
# en: False when the caller had already given kudos to this item (nothing changed).
desc-newly_given = 呼び出したメンバーがすでにこの項目に称賛を送っていた場合はいいえ（何も変わりません）。
# en: When the next attempt is due (pending deliveries).
desc-next_attempt_at = 次の送信試行の予定日時（保留中の配信）。
# en: Pass as `cursor` to get the next page; absent on the last page.
desc-next_cursor = 次のページを取得するときに「続きの位置」に渡す値。最後のページにはありません。
# en: The URL of the next page; absent on the last page.
desc-next_link = 次のページの URL。最後のページにはありません。
# en: The reporter's note, if any.
desc-note = 報告者の補足（ある場合）。
# en: When it happened.
desc-occurred_at = 起きた日時。
# en: Whether they said they are happy to be asked about this topic.
desc-offers_help = このタグで相談に乗ると表明しているかどうか。
# en: People it saves time for, 0–100,000.
desc-people_helped = 時間が節約される人数（0～100,000）。
# en: The window covered.
desc-period = 対象期間。
# en: How many posts carry it: questions, tips and wins.
desc-post_count = このタグが付いた投稿（質問・ヒント・成果）の数。
# en: The key's first characters, to recognise it.
desc-prefix = キーを見分けるための先頭の文字。
# en: The question (question events, answers, acceptances).
desc-question = 質問（質問の投稿、回答、ベストアンサー、未回答のイベント）。
# en: How many questions carry it.
desc-question_count = このタグが付いた質問の数。
# en: The question it answers.
desc-question_id = 回答先の質問。
# en: Question ids (up to 10): the people who answered them get credit. Anonymous questions among them are shown to the win's author only.
desc-questions = 質問 ID（最大 10 個）。回答した人の貢献になります。匿名の質問は、成果を記録した本人にだけ表示されます。
# en: Questions asked in the interval, anonymous ones included.
desc-questions_asked = 期間内に投稿された質問の数（匿名の質問を含む）。
# en: Questions of any age nobody but the asker has answered yet.
desc-questions_without_answer = 質問者以外の誰もまだ回答していない質問の数（期間を問わず）。
# en: Position, from 1.
desc-rank = 順位（1 から）。
# en: Why it was reported.
desc-reason = 報告の理由。
# en: The report (`post.reported`, for moderators).
desc-report = 報告（`post.reported`、モデレーター向け）。
# en: How many members have reported this post so far (this report included).
desc-report_count = これまでにこの投稿を報告したメンバーの数（この報告を含む）。
# en: The request's id (as in `X-Request-Id` and the logs), to quote when asking for help.
desc-request_id = リクエストの ID（`X-Request-Id` やログと同じもの）。問い合わせるときに伝えてください。
# en: The moderator's reason, when one was given (moderators only; the moderator is never named).
desc-resolution_reason = モデレーターが理由を書いた場合、その理由（モデレーターのみ。対応したモデレーターの名前は表示されません）。
# en: When a moderator resolved it; absent while open.
desc-resolved_at = モデレーターが対応した日時。未対応の間は含まれません。
# en: First-time askers of the interval who asked by name again within 30 days.
desc-returning_askers = 期間内に初めて質問したメンバーのうち、30 日以内にもう一度名前を出して質問した人の数。
# en: What the member may do.
desc-role = メンバーができること。
# en: Runs per month, 0–100,000.
desc-runs_per_month = 1 か月あたりの実行回数（0～100,000）。
# en: Signing secret for REST subscribers (`whsec_` + base64 of 24–64 bytes).
desc-secret = REST の登録者向けの署名シークレット（`whsec_` + 24～64 バイトの base64）。
# en: Whether the member chose to appear on the leaderboard (private by default).
desc-show_on_leaderboard = メンバーがランキングへの表示を選んだかどうか（既定は非公開）。
# en: Whether deliveries are signed (a secret was given).
desc-signed = 配信に署名するかどうか（シークレットが指定された場合）。
# en: Share of the draft's character n-grams found in this title, 0–1.
desc-similarity = 下書きのタイトルの文字の並びのうち、このタイトルにも含まれる割合（0～1）。
# en: The tag: 1–40 letters (any script), digits, `-`, `_` or `.`; stored normalised (NFKC, lower case), so `SharePoint` and `ｓｈａｒｅｐｏｉｎｔ` are one tag.
desc-slug = タグ名：文字（日本語も可）、数字、`-`、`_`、`.` で 1～40 文字。大文字・小文字や全角・半角をそろえて保存するので、`SharePoint` と `ｓｈａｒｅｐｏｉｎｔ` は同じタグです。
# en: Interval start.
desc-start = 期間の開始日時。
# en: Where it stands.
desc-status = 状態。
# en: The interval's questions nobody but the asker has answered yet.
desc-still_unanswered = 期間内の質問のうち、質問者以外の誰もまだ回答していないものの数。
# en: What was built and what changed, in Markdown, 1–20,000 characters.
desc-story = 作ったものと変わったこと（Markdown、1～20,000 文字）。
# en: `story` rendered as HTML for Teams posts and Power Apps' HTML text control: sanitised (no scripts, event handlers or `javascript:` links; links get `rel="noopener noreferrer nofollow"`; images show their alt text; HTML typed into the Markdown is shown as text).
desc-story_html = 説明を HTML にしたもの。Teams への投稿や Power Apps の HTML テキストにそのまま使えます。安全のため、スクリプトや危険なリンクは取り除き、画像は代替テキストで表示し、説明に書かれた HTML はそのまま文字として表示します。
# en: The subscription.
desc-subscription_id = 通知の登録。
# en: Only questions with this tag.
desc-tag = このタグの質問のみ。
# en: Topics.
desc-tags = タグ（タグ）。
# en: The reported post's id.
desc-target_id = 報告された投稿の ID。
# en: What kind of post was reported.
desc-target_kind = 報告された投稿の種類。
# en: The reported post's URL in this API.
desc-target_link = この API での報告された投稿の URL。
# en: The reported post's title (question, tip, win) or its first 280 characters (answer).
desc-target_title = 報告された投稿のタイトル（質問、ヒント、成果）、または最初の 280 文字（回答）。
# en: How many members said thanks.
desc-thanks_count = 「ありがとう」を付けたメンバーの数。
# en: The tip (`tip.published`).
desc-tip = ヒント（`tip.published`）。
# en: Tip ids (up to 10): their authors get credit.
desc-tips = ヒント ID（最大 10 個）。書いた人の貢献になります。
# en: Tips published in the interval.
desc-tips_published = 期間内に公開されたヒントの数。
# en: Tips written.
desc-tips_written = 書いたヒントの数。
# en: The question in one line.
desc-title = 質問を 1 行で表したもの。
# en: Hours saved per month by all wins ever logged.
desc-total_hours_saved_per_month = これまでに記録されたすべての成果による 1 か月あたりの節約時間。
# en: What happened.
desc-type = 起きたこと。
# en: For `question.unanswered`: how many hours the question has waited.
desc-unanswered_hours = `question.unanswered` の場合: 質問が待っている時間数。
# en: When it was last edited.
desc-updated_at = 最後に編集した日時。
# en: The win (`win.logged`).
desc-win = 成果（`win.logged`）。
# en: Wins logged in the interval.
desc-wins_logged = 期間内に記録された成果の数。

## Labels (x-ms-summary): label-<Operation>-<parameter>, label-<Object>-<field>, or label-<name>.
label-Win-kudos_given = 自分が称賛を送った
label-AcceptAnswer-id = 回答 ID
label-AddMeToo-id = 質問 ID
label-AddReaction-id = 回答 ID
label-AddTipReaction-id = ヒント ID
label-Answer-author = 回答者
label-Answer-author-display_name = 回答者の名前
label-Answer-author-id = 回答者のメンバー ID
label-Answer-id = 回答 ID
label-AnswerAcceptedEvent-id = イベント ID
label-ApiKey-id = API キー ID
label-CreateAnswer-id = 質問 ID
label-DeleteAnswer-id = 回答 ID
label-DeleteQuestion-id = 質問 ID
label-DeleteSubscription-id = 通知の登録 ID
label-DeleteTip-id = ヒント ID
label-DeleteWin-id = 成果 ID
label-Delivery-id = 配信 ID
label-Event-id = イベント ID
label-EventAnswer-author = 回答者
label-EventAnswer-author-display_name = 回答者の名前
label-EventAnswer-author-id = 回答者のメンバー ID
label-EventAnswer-id = 回答 ID
label-EventKudos-from = 送った人
label-EventKudos-id = 称賛 ID
label-EventMember-id = メンバー ID
label-EventQuestion-id = 質問 ID
label-EventReport-id = 報告 ID
label-EventTip-author-display_name = ヒントの投稿者の名前
label-EventTip-author-id = ヒントの投稿者のメンバー ID
label-EventTip-id = ヒント ID
label-EventWin-author-display_name = 成果を記録した人の名前
label-EventWin-author-id = 成果を記録した人のメンバー ID
label-EventWin-id = 成果 ID
label-GetAnswer-id = 回答 ID
label-GetMember-id = メンバー ID
label-GetQuestion-id = 質問 ID
label-GetReport-id = 報告 ID
label-GetSubscription-id = 通知の登録 ID
label-GetTip-id = ヒント ID
label-GetWin-id = 成果 ID
label-GiveAnswerKudos-id = 回答 ID
label-GiveWinKudos-id = 成果 ID
label-HelpedBy-questions = 役に立った質問の ID
label-HelpedBy-tips = 役に立ったヒントの ID
label-Idempotency-Key = 二重登録を防ぐキー
label-If-Match = 編集前のバージョン
label-Kudos-id = 称賛 ID
label-KudosReceivedEvent-id = イベント ID
label-ListWins-member = メンバー ID
label-Member-id = メンバー ID
label-MemberProfile-answers = 書いた回答数
label-MemberProfile-id = メンバー ID
label-MemberRef-id = メンバー ID
label-PostReportedEvent-id = イベント ID
label-Problem-status = HTTP ステータス
label-Problem-type = エラーの種類
label-Question-author = 質問者
label-Question-author-display_name = 質問者の名前
label-Question-author-id = 質問者のメンバー ID
label-Question-id = 質問 ID
label-QuestionAnsweredEvent-id = イベント ID
label-QuestionPostedEvent-id = イベント ID
label-QuestionUnansweredEvent-id = イベント ID
label-QuestionWithAnswers-author = 質問者
label-QuestionWithAnswers-author-display_name = 質問者の名前
label-QuestionWithAnswers-author-id = 質問者のメンバー ID
label-QuestionWithAnswers-id = 質問 ID
label-RemoveMeToo-id = 質問 ID
label-RemoveReaction-id = 回答 ID
label-RemoveTipReaction-id = ヒント ID
label-Report-id = 報告 ID
label-ResolveReport-id = 報告 ID
label-RetryDelivery-id = 配信 ID
label-RevokeMyApiKey-id = API キー ID
label-SetMemberRole-id = メンバー ID
label-SimilarQuestion-id = 質問 ID
label-Subscription-id = 通知の登録 ID
label-Tip-id = ヒント ID
label-TipPublishedEvent-id = イベント ID
label-UnacceptAnswer-id = 回答 ID
label-UpdateAnswer-id = 回答 ID
label-UpdateQuestion-id = 質問 ID
label-UpdateTip-id = ヒント ID
label-UpdateWin-id = 成果 ID
label-Win-id = 成果 ID
label-WinLoggedEvent-id = イベント ID
label-accepted = ベストアンサー
label-accepted_answer_id = ベストアンサーの回答 ID
label-accepted_answers = ベストアンサーの数
label-action = 対応
label-active = 有効
label-active_members = 活動したメンバー数
label-after = この番号より後
label-all = 全員分
label-amount = 金額
label-anonymous = 匿名で質問
label-anonymous_answered_within_24h_share = 匿名の質問への 24 時間以内の回答率
label-anonymous_questions_asked = 匿名の質問数
label-answer = 回答
label-answer-created_at = 回答した日時
label-answer-link = 回答の API リンク
label-answer-question_id = 回答先の質問 ID
label-answer_count = 回答数
label-answered = 回答された質問数
label-answered_within_24h_share = 24 時間以内の回答率
label-answers = 回答
label-api_key = API キー
label-api_key-created_at = API キーの作成日時
label-api_link = API リンク
label-asker = 質問者
label-asker-display_name = 質問者の名前
label-asker-id = 質問者のメンバー ID
label-attempts = 試行回数
label-author = 投稿者
label-author-display_name = 投稿者の名前
label-author-id = 投稿者のメンバー ID
label-body = 本文
label-body_html = 本文（HTML）
label-by_asker = 質問者による回答
label-callback_host = 送信先ホスト
label-callback_url = コールバック URL
label-code = コード
label-created_at = 作成日時
label-currency = 通貨
label-cursor = 続きの位置
label-database = データベース
label-department = 部署
label-detail = 詳細
label-detail_en = 詳細（英語）
label-display_name = 表示名
label-email = メールアドレス
label-end = 終了日時
label-ended_reason = 終了理由
label-errors = エラー
label-event_id = イベント ID
label-event_type = イベントの種類
label-excerpt = 抜粋
label-excerpt_html = 抜粋（HTML）
label-featured = おすすめ
label-field = 項目名
label-finished_at = 完了日時
label-first_time_askers = 初めての質問者数
label-first_time_askers_answered_within_24h_share = 初めての質問者への 24 時間以内の回答率
label-from = 開始日時
label-from-display_name = 送った人の名前
label-from-id = 送った人のメンバー ID
label-from_asker = 質問者から
label-has_more = 続きあり
label-helped_by = 役に立ったもの
label-helper_tags = 相談に乗れるタグ
label-helpful = 「役に立った」済み
label-helpful_answers = 「役に立った」が付いた回答数
label-helpful_count = 「役に立った」の数
label-helpful_received = 受け取った「役に立った」の数
label-hidden = 非表示
label-hidden_post = 非表示にされた投稿
label-hidden_post-reason = 非表示にした理由
label-hidden_post-target_id = 非表示にされた投稿の ID
label-hidden_post-target_kind = 非表示にされた投稿の種類
label-hidden_post-target_link = 非表示にされた投稿の API リンク
label-hidden_post-target_title = 非表示にされた投稿のタイトル
label-hidden_reason = 非表示の理由
label-hours = 通知までの時間数
label-hours_saved_credited = 貢献とされた節約時間
label-hours_saved_per_month = 1 か月の節約時間
label-id = ID
label-impact = 効果
label-interests = 関心のあるタグ
label-interval = 区切り
label-issue_api_key = API キーを発行
label-items = 項目
label-kind = リアクション
label-kudos = 称賛
label-kudos-link = 称賛の対象の API リンク
label-kudos-target_id = 称賛の対象の ID
label-kudos-target_kind = 称賛の対象の種類
label-kudos_count = 称賛の数
label-kudos_given = 送られた称賛の数
label-kudos_received = 受け取った称賛の数
label-label = 表示名（件数つき）
label-language = 言語
label-last_activity_at = 最終更新日時
label-last_error = 最後のエラー
label-last_status = 最後のステータス
label-level = レベル
label-limit = 件数
label-link = API リンク
label-me_too = 「私も」済み
label-me_too_count = 「私も」の数
label-median_hours_to_first_answer = 最初の回答までの時間（中央値）
label-member = メンバー
label-member-created_at = 参加した日時
label-member-display_name = メンバーの名前
label-member-id = メンバー ID
label-member_id = メンバー ID
label-message = メッセージ
label-mine = 自分のもの
label-mine_only = 自分のものだけ
label-minutes_saved_per_run = 1 回あたりの節約時間（分）
label-money_saved_per_month = 1 か月の節約金額
label-my_reactions = 自分のリアクション
label-name = 名前
label-new_contributors = 新しい貢献者数
label-newly_given = 今回送った
label-next_attempt_at = 次の試行日時
label-next_cursor = 次のページの位置
label-next_link = 次のページの URL
label-note = 補足
label-occurred_at = 発生日時
label-offers_help = 相談に乗る
label-people_helped = 助かる人数
label-period = 期間
label-post_count = 投稿数
label-prefix = 先頭部分
label-q = 検索語
label-question = 質問
label-question-created_at = 質問した日時
label-question-link = 質問の API リンク
label-question-tags = 質問のタグ
label-question-title = 質問のタイトル
label-question_count = 質問数
label-question_id = 質問 ID
label-questions = 質問
label-questions_asked = 質問数
label-questions_without_answer = 未回答の質問数
label-rank = 順位
label-reason = 理由
label-report = 報告
label-report-link = 報告の API リンク
label-report-reason = 報告の理由
label-report-target_id = 報告された投稿の ID
label-report-target_kind = 報告された投稿の種類
label-report-target_link = 報告された投稿の API リンク
label-report-target_title = 報告された投稿のタイトル
label-report_count = 報告の数
label-request_id = リクエスト ID
label-resolution_reason = 対応の理由
label-resolved_at = 対応日時
label-returning_askers = 再び質問した人数
label-role = ロール
label-runs_per_month = 1 か月の実行回数
label-secret = シークレット
label-show_on_leaderboard = ランキングに表示
label-signed = 署名あり
label-similarity = 類似度
label-since = 開始日時
label-slug = タグ名
label-sort = 並び順
label-start = 開始日時
label-status = 状態
label-still_unanswered = まだ回答のない質問数
label-story = 説明
label-story_html = 説明（HTML）
label-subscription_id = 通知の登録 ID
label-tag = タグ
label-tags = タグ
label-target_id = 対象 ID
label-target_kind = 対象の種類
label-target_link = 対象の API リンク
label-target_title = 対象のタイトル
label-thanks_count = 「ありがとう」の数
label-tip = ヒント
label-tip-author = ヒントの投稿者
label-tip-link = ヒントの API リンク
label-tip-tags = ヒントのタグ
label-tip-title = ヒントのタイトル
label-tips = ヒント
label-tips_published = 公開されたヒント数
label-tips_written = 書いたヒント数
label-title = タイトル
label-to = 終了日時
label-total_hours_saved_per_month = 1 か月の節約時間（合計）
label-type = イベントの種類
label-types = イベントの種類
label-unanswered = 未回答のみ
label-unanswered_hours = 未回答の時間数
label-updated_at = 更新日時
label-win = 成果
label-win-author = 成果を記録した人
label-win-link = 成果の API リンク
label-win-tags = 成果のタグ
label-win-title = 成果のタイトル
label-wins_logged = 記録した成果数

## The display names of choices: enum-<Choice list>-<value>, or enum-<value>.
enum-ReportStatus-open = 未対応
enum-ResolveAction-edited = 投稿を編集した
enum-active = 更新が新しい順
enum-admin = 管理者
enum-advanced = 上級
enum-all = 全期間
enum-answer = 回答
enum-answer_accepted = ベストアンサーの決定
enum-answered = 回答あり
enum-beginner = 初級
enum-cancelled = 取り消し
enum-delivered = 配信済み
enum-dismiss = 対応不要として閉じる
enum-dismissed = 対応不要
enum-edited = 編集した
enum-en = 英語
enum-failed = 失敗
enum-helpful = 役に立った
enum-hidden = 非表示にした
enum-hide = 投稿を非表示にする
enum-intermediate = 中級
enum-ja = 日本語
enum-kudos_received = 称賛の受け取り
enum-member = メンバー
enum-moderator = モデレーター
enum-month = 月
enum-newest = 新しい順
enum-oldest = 古い順（長く待っている順）
enum-open = 未回答
enum-other = その他
enum-pending = 保留中
enum-personal_information = 個人情報
enum-post_hidden = 投稿の非表示
enum-post_reported = 投稿の報告
enum-quarter = 四半期
enum-question = 質問
enum-question_answered = 質問への回答
enum-question_posted = 質問の投稿
enum-question_unanswered = 未回答の質問
enum-resolved = 解決済み
enum-spam = スパム
enum-thanks = ありがとう
enum-tip = ヒント
enum-tip_published = ヒントの公開
enum-unkind = 思いやりに欠ける
enum-week = 週
enum-win = 成果
enum-win_logged = 成果の記録
enum-year = 年

## The package: connector description, sign-in, trigger hint.
connector-description = tsunagu は社内の市民開発者をつなぎます。質問を投稿し（匿名でも可）、回答し合い、お礼を伝え、すでに誰かが聞いたことを日本語と英語で探せます。
polling-title = 新しいイベントを定期的に確認する
signin-aad-description = Microsoft Entra ID の職場アカウントでサインインします。
signin-aad-name = 会社のアカウントでサインイン
signin-apikey-description = 個人用の tsunagu API キー（tsu_ で始まります）。
signin-apikey-name = API キー
signin-apikey-tooltip = tsunagu の「API キーを作成する」で作成するか、tsunagu の管理者に依頼してください。
signin-oauth2-description = 会社の OpenID Connect プロバイダーでサインインします。
signin-oauth2-name = 会社のアカウントでサインイン

## The package readme (readme.md) and the warnings `tsunagu connector` prints.
readme-intro = tsunagu は社内の市民開発者の学習コミュニティを支えるサービスです。このコネクタを使うと、質問の投稿（匿名も可）、回答、お礼、すでに誰かが聞いた質問の検索を、日本語と英語で行えます。
readme-heading-warnings = インポートの前に直すこと
readme-heading-publisher = 発行元 (Publisher)
readme-heading-prerequisites = 前提条件 (Prerequisites)
readme-heading-operations = サポートされている操作 (Supported Operations)
readme-heading-credentials = 資格情報の取得 (Obtaining Credentials)
readme-heading-limits = 既知の問題と制限事項 (Known Issues and Limitations)
readme-heading-deployment = 展開手順 (Deployment Instructions)
readme-prerequisites = { $url } で動いている tsunagu サーバー（起動方法はプロジェクトの README を参照してください）。Power Platform は皆さんの PC からではなく Microsoft のクラウドからサーバーを呼び出します。そのため、ブラウザーが信頼する証明書を使った HTTPS でインターネットから接続できるか、閉じた社内ネットワークではオンプレミス データ ゲートウェイ経由で接続できる必要があります（サーバーに接続できるマシンにゲートウェイをインストールし、コネクタの「全般」タブで「オンプレミス データ ゲートウェイ経由で接続」をオンにします）。
readme-credentials-aad = メンバーは Microsoft Entra ID の職場アカウントでサインインします。管理者は Entra ID にアプリを 2 つ登録します。(1) tsunagu の API: アプリケーション ID URI は `{ $resource }`（`tsunagu connector` の `--resource`）、アプリロールは `Tsunagu.Moderator` と `Tsunagu.Admin`、委任されたスコープ（例: `access_as_user`）を公開します。サーバーは `TSUNAGU_OIDC_AUDIENCE` にこの URI があるとき、そのトークンを受け付けます。(2) コネクタ: クライアント シークレットを持つ Web アプリで、tsunagu のスコープへの委任されたアクセス許可と、リダイレクト URI `https://global.consent.azure-apim.net/redirect`（とインポート後に表示されるもの）を設定します。パッケージは `--client-id` にコネクタ用アプリのクライアント ID、`--tenant` に自社のテナント（いまは `{ $tenant }`）を指定して生成し、クライアント シークレットはインポートのときにコネクタの「セキュリティ」タブで入力します。シークレットがパッケージに入ることはありません。
readme-credentials-oauth2 = メンバーは会社の OpenID Connect プロバイダーでサインインします。プロバイダーに tsunagu 用のクライアントを登録し、コネクタのインポート後に表示されるリダイレクト URI を追加して、パッケージを `--client-id` を指定して生成し、`apiProperties.json` の認可・トークン・更新の URL を置き換えます。
readme-credentials-apikey = メンバーごとに個人用の tsunagu API キー（`tsu_…`）を使います。管理者が `tsunagu admin create-member` または `POST /api/v1/members` でメンバーを作成し、メンバーは `POST /api/v1/me/api-keys` でキーを追加できます。キーは `X-Api-Key` ヘッダーで送られます。
readme-limit-anonymous = 匿名の質問では、ほかのメンバーに質問者が表示されることはありません。フローでも質問者は空になります。
readme-limit-lengths = タイトルは 5～150 文字、本文は 1～20,000 文字、タグは 1 つの質問に最大 5 個です。
readme-limit-rate = カスタムコネクタは接続ごとに 1 分あたり 500 リクエストまでです。
readme-deployment = `paconn create --api-def apiDefinition.swagger.json --api-prop apiProperties.json --icon icon.png`（または `pac connector create`）でインポートするか、作成者ポータルの「OpenAPI ファイルをインポート」を使います。このパッケージは `{ $command }` で生成しました。
warning-placeholder-host = コネクタの接続先 { $host } は例として使う名前です。自社のサーバーに合わせて生成してください: `tsunagu connector --host https://tsunagu.your-company.com`（または TSUNAGU_PUBLIC_URL を設定）。
warning-loopback-host = コネクタの接続先 { $host } はこのコンピューター自身です。Power Platform は Microsoft のクラウドで動くので接続できません。メンバーやオンプレミス データ ゲートウェイが使うアドレスで生成してください（`--host` または TSUNAGU_PUBLIC_URL）。
warning-plain-http = アドレスが http:// ですが、Power Platform はカスタムコネクタを HTTPS でしか呼び出しません。tsunagu を HTTPS の後ろで動かしてください（パッケージは https になっています）。
warning-placeholder-client-id = { $auth } のサインインで、apiProperties.json のクライアント ID が仮の値です。`--client-id` にコネクタ用アプリのクライアント ID を指定してパッケージを生成してください（/connector.zip では、サーバーに TSUNAGU_CONNECTOR_CLIENT_ID を設定します）。
warning-placeholder-oauth-urls = apiProperties.json の認可・トークン・更新の URL は例（login.example.com）です。インポートの前に、使うプロバイダーの URL に置き換えてください。
trigger-hint-OnAnswerAccepted = 今すぐ動作を確かめるには、tsunagu で自分の質問のベストアンサーを選んでください。
trigger-hint-OnKudosReceived = 今すぐ動作を確かめるには、同僚に頼んで、自分の回答か成果に称賛を送ってもらってください。
trigger-hint-OnNewEvents = 今すぐ動作を確かめるには、tsunagu で質問、ヒント、成果のどれかを投稿してください。次の確認のときにフローが動きます。
trigger-hint-OnPostReported = 今すぐ動作を確かめるには、tsunagu でテスト用の投稿を報告してください（登録にはモデレーターのロールが必要です）。
trigger-hint-OnQuestionAnswered = 今すぐ動作を確かめるには、tsunagu で質問に回答してください。
trigger-hint-OnQuestionPosted = 今すぐ動作を確かめるには、tsunagu で質問を投稿してください。
trigger-hint-OnQuestionUnanswered = 回答のないまま指定した時間がたった質問で動きます。試すには 1 時間を選んで、質問を投稿してください。
trigger-hint-OnTipPublished = 今すぐ動作を確かめるには、tsunagu でヒントを書いてください。
trigger-hint-OnWinLogged = 今すぐ動作を確かめるには、tsunagu で成果を記録してください。

## 開くページ（`web_url`）: 人が読むページ。`link` は API の URL。

label-web_url = 開くページ
label-target_web_url = 投稿のページ
label-question-web_url = 質問のページ
label-answer-web_url = 回答のページ
label-tip-web_url = ヒントのページ
label-win-web_url = 成果のページ
label-kudos-web_url = 称賛の対象のページ
label-report-target_web_url = 報告された投稿のページ
label-hidden_post-target_web_url = 非表示にされた投稿のページ
label-asker-web_url = 質問者のプロフィールページ
label-author-web_url = 投稿者のプロフィールページ
label-from-web_url = 送った人のプロフィールページ
label-member-web_url = メンバーのプロフィールページ
label-Answer-author-web_url = 回答者のプロフィールページ
label-EventAnswer-author-web_url = 回答者のプロフィールページ
label-EventTip-author-web_url = ヒントの投稿者のプロフィールページ
label-EventWin-author-web_url = 成果を記録した人のプロフィールページ
label-Question-author-web_url = 質問者のプロフィールページ
label-QuestionWithAnswers-author-web_url = 質問者のプロフィールページ
label-Member-web_url = プロフィールページ
label-MemberProfile-web_url = プロフィールページ
label-MemberRef-web_url = プロフィールページ
label-EventMember-web_url = プロフィールページ
# en: The member's profile page, to open in a browser or a Teams tab.
desc-web_url = メンバーのプロフィールページ（ブラウザーや Teams のタブで開けます）。
# en: The question's page, to open in a browser or a Teams tab.
desc-Question-web_url = 質問のページ（ブラウザーや Teams のタブで開けます）。
# en: The question's page, to open in a browser or a Teams tab.
desc-SimilarQuestion-web_url = 質問のページ（ブラウザーや Teams のタブで開けます）。
# en: The question's page, to open in a browser or a Teams tab.
desc-EventQuestion-web_url = 質問のページ（ブラウザーや Teams のタブで開けます）。
# en: The answer on its question's page, to open in a browser or a Teams tab.
desc-Answer-web_url = 回答が載っている質問のページ（ブラウザーや Teams のタブで開けます）。
# en: The answer on its question's page, to open in a browser or a Teams tab.
desc-EventAnswer-web_url = 回答が載っている質問のページ（ブラウザーや Teams のタブで開けます）。
# en: The tip's page, to open in a browser or a Teams tab.
desc-Tip-web_url = ヒントのページ（ブラウザーや Teams のタブで開けます）。
# en: The tip's page, to open in a browser or a Teams tab.
desc-EventTip-web_url = ヒントのページ（ブラウザーや Teams のタブで開けます）。
# en: The win's page, to open in a browser or a Teams tab.
desc-Win-web_url = 成果のページ（ブラウザーや Teams のタブで開けます）。
# en: The win's page, to open in a browser or a Teams tab.
desc-EventWin-web_url = 成果のページ（ブラウザーや Teams のタブで開けます）。
# en: The page of the win or answer, to open in a browser or a Teams tab.
desc-EventKudos-web_url = 称賛された成果または回答のページ（ブラウザーや Teams のタブで開けます）。
# en: The reported post's page, to open in a browser or a Teams tab.
desc-EventReport-target_web_url = 報告された投稿のページ（ブラウザーや Teams のタブで開けます）。
# en: The post's page (its author and moderators can still open it).
desc-EventHiddenPost-target_web_url = 投稿のページ（投稿者とモデレーターは引き続き開けます）。
label-Win-link = フローやアプリのリンク
label-CreateWin-link = フローやアプリのリンク
label-UpdateWin-link = フローやアプリのリンク

## Adaptive Card（`src/api/cards.rs`）

label-actions = ボタン
label-fallbackText = 代わりに表示する文字
label-lang = カードの言語
label-url = ページ
label-version = カードのバージョン
label-AdaptiveCard-type = カードの種類
label-AdaptiveCard-body = カードの要素
label-CardAction-type = ボタンの種類
label-CardAction-title = ボタンの文字
label-CardAction-url = ボタンで開くページ
label-GetQuestionCard-id = 質問 ID
label-GetWinCard-id = 成果 ID
# en: The card's buttons: each opens a tsunagu page.
desc-AdaptiveCard-actions = カードのボタン。どれも tsunagu のページを開きます。
# en: The card's elements, top to bottom.
desc-AdaptiveCard-body = カードの要素（上から順に）。
# en: What a client that cannot show the card shows instead (a notification, an old client).
desc-AdaptiveCard-fallbackText = カードを表示できないところ（通知や古いアプリ）に代わりに表示される文字。
# en: The card's language (`en` or `ja`): the caller's `Accept-Language`, else their own setting, else the server's default.
desc-AdaptiveCard-lang = カードの言語（`en` か `ja`）。リクエストの `Accept-Language`、なければメンバー本人の設定、なければサーバーの既定の言語です。
# en: Always `AdaptiveCard`.
desc-AdaptiveCard-type = いつも `AdaptiveCard` です。
# en: The Adaptive Cards schema version the card uses: `1.5`.
desc-AdaptiveCard-version = カードが使う Adaptive Card スキーマのバージョン（`1.5`）。
# en: The button's words, in the card's language.
desc-CardAction-title = ボタンに表示される文字（カードの言語で）。
# en: Always `Action.OpenUrl`.
desc-CardAction-type = いつも `Action.OpenUrl` です。
# en: The page it opens (a `web_url`).
desc-CardAction-url = ボタンで開くページ（`web_url`）。
# en: Returns the headline figures of the last 30 days (as GetHealthSummary) as an Adaptive Card (schema 1.5) in the caller's language, with a button to the dashboard — for a flow's weekly post to a manager's channel.
op-GetHealthSummaryCard-description = 過去 30 日の主な数字（「コミュニティの状況の概要を取得する」と同じ）を、呼び出したメンバーの言語の Adaptive Card（スキーマ 1.5）で返します。ダッシュボードを開くボタン付きです。フローで毎週、上司のチャネルに投稿するのに使えます。
# en: Get the health summary as an Adaptive Card
op-GetHealthSummaryCard-summary = コミュニティの状況の概要をカードで取得する
# en: Returns the question as an Adaptive Card (schema 1.5) in the caller's language — title, who asked (never an anonymous asker), an excerpt, answers and status — with buttons to open and to answer it. Pass the whole answer as the card of Teams' "Post card in a chat or channel".
op-GetQuestionCard-description = 質問を、呼び出したメンバーの言語の Adaptive Card（スキーマ 1.5）で返します。タイトル、質問した人（匿名の質問では表示しません）、本文の抜粋、回答数と状態に、質問を開くボタンと回答するボタンが付きます。Teams の「チャットまたはチャネルにカードを投稿する」のカードに、この応答全体を渡してください。
# en: Get a question as an Adaptive Card
op-GetQuestionCard-summary = 質問をカードで取得する
# en: Returns the caller's tip of the day (as GetTipOfTheDay) as an Adaptive Card (schema 1.5) in their language, with a button to open it — for a flow's morning post.
op-GetTipOfTheDayCard-description = 呼び出したメンバーの今日のヒント（「今日のヒントを取得する」と同じ）を、その人の言語の Adaptive Card（スキーマ 1.5）で返します。ヒントを開くボタン付きです。フローで毎朝投稿するのに使えます。
# en: Get my tip of the day as an Adaptive Card
op-GetTipOfTheDayCard-summary = 今日のヒントをカードで取得する
# en: Returns the win as an Adaptive Card (schema 1.5) in the caller's language — the hours it saves each month and how, an excerpt, kudos — with buttons to open it and to send kudos.
op-GetWinCard-description = 成果を、呼び出したメンバーの言語の Adaptive Card（スキーマ 1.5）で返します。1 か月の節約時間とその内訳、抜粋、称賛の数に、成果を開くボタンと称賛を送るボタンが付きます。
# en: Get a win as an Adaptive Card
op-GetWinCard-summary = 成果をカードで取得する
# en: Question id
param-GetQuestionCard-id = 質問 ID
# en: Win id
param-GetWinCard-id = 成果 ID
# en: The card
response-GetHealthSummaryCard-200 = カード
# en: The card
response-GetQuestionCard-200 = カード
# en: No such question
response-GetQuestionCard-404 = 質問が見つかりません
# en: The card
response-GetTipOfTheDayCard-200 = カード
# en: No unseen tip is left at the caller's level
response-GetTipOfTheDayCard-404 = 呼び出したメンバーのレベルで、まだ見ていないヒントが残っていません
# en: The card
response-GetWinCard-200 = カード
# en: No such win
response-GetWinCard-404 = 成果が見つかりません
# en: An Adaptive Card (schema version 1.5), ready for Teams' "Post card in a chat or channel" (pass the whole answer as the card) or any Adaptive Card host.
schema-AdaptiveCard = Adaptive Card（スキーマのバージョン 1.5）。Teams の「チャットまたはチャネルにカードを投稿する」（この応答全体をカードとして渡します）などで、そのまま使えます。
# en: A card's button that opens a page (`Action.OpenUrl`).
schema-CardAction = ページを開くカードのボタン（`Action.OpenUrl`）。
label-color = 文字の色
label-facts = 項目と値
label-isSubtle = 控えめな表示
label-size = 文字の大きさ
label-spacing = 上の余白
label-style = 表示スタイル
label-text = 文字
label-value = 値
label-weight = 文字の太さ
label-wrap = 折り返し
label-CardElement-type = 要素の種類
label-CardFact-title = 項目
# en: `Good` (green) for the hours a win saves.
desc-CardElement-color = 成果の節約時間には `Good`（緑）。
# en: The title–value pairs of a `FactSet`.
desc-CardElement-facts = `FactSet` の項目と値の組。
# en: Whether the text is shown subdued (grey).
desc-CardElement-isSubtle = 文字を控えめ（灰色）に表示するかどうか。
# en: Text size: `Small`, `Large` or `ExtraLarge`.
desc-CardElement-size = 文字の大きさ（`Small`、`Large`、`ExtraLarge`）。
# en: Space above the element: `None` to sit right under the one before.
desc-CardElement-spacing = 要素の上の余白。`None` で直前の要素のすぐ下に置きます。
# en: `heading` for the card's title (read as a heading by screen readers).
desc-CardElement-style = カードのタイトルには `heading`（スクリーンリーダーが見出しとして読みます）。
# en: The text of a `TextBlock`, plain.
desc-CardElement-text = `TextBlock` の文字（書式なし）。
# en: `TextBlock` or `FactSet`.
desc-CardElement-type = `TextBlock` か `FactSet`。
# en: `Bolder` for titles and figures.
desc-CardElement-weight = タイトルと数字には `Bolder`（太字）。
# en: Whether long text wraps (always, on these cards).
desc-CardElement-wrap = 長い文字を折り返すかどうか（これらのカードではいつも折り返します）。
# en: What the figure is.
desc-CardFact-title = 何の数字か。
# en: The figure, with its unit.
desc-CardFact-value = 数字（単位付き）。
# en: One element of a card, as the Adaptive Cards schema 1.5 defines it: a `TextBlock` (a text and its look) or a `FactSet` (title–value pairs). Absent properties take the schema's defaults.
schema-CardElement = カードの要素（Adaptive Card スキーマ 1.5 の定義どおり）。`TextBlock`（文字とその見た目）か `FactSet`（項目と値の組）です。ないプロパティはスキーマの既定値になります。
# en: A title–value pair of a `FactSet`.
schema-CardFact = `FactSet` の項目と値の組。
label-inlines = 文字の並び
label-CardTextRun-type = 並びの種類
# en: The runs of a `RichTextBlock`: members' own words (titles, names, excerpts) go here, because a `TextRun` is shown as typed while a `TextBlock` reads Markdown — a title like `[Claim your bonus](https://…)` must not become a link in a Teams channel.
desc-CardElement-inlines = `RichTextBlock` の文字の並び。メンバーが書いた言葉（タイトル、名前、抜粋）はここに入れます。`TextRun` は書いたとおりに表示されますが、`TextBlock` は Markdown として読まれるため、`[ボーナスを受け取る](https://…)` のようなタイトルが Teams のチャネルでリンクになってしまうからです。
# en: Whether the text is shown subdued (grey).
desc-CardTextRun-isSubtle = 文字を控えめ（灰色）に表示するかどうか。
# en: Text size: `Large` for titles.
desc-CardTextRun-size = 文字の大きさ（タイトルは `Large`）。
# en: The words.
desc-CardTextRun-text = 表示する言葉。
# en: Always `TextRun`.
desc-CardTextRun-type = いつも `TextRun` です。
# en: `Bolder` for titles.
desc-CardTextRun-weight = タイトルには `Bolder`（太字）。
# en: A run of text shown exactly as written (no Markdown), in a `RichTextBlock`.
schema-CardTextRun = 書いたとおりに表示される文字の並び（Markdown として読まれません）。`RichTextBlock` の中で使います。
