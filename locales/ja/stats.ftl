### The community dashboard page (`/stats`). Figure names are the connector's labels
### (`label-<field>` in connector.ftl), so the page and the designer say the same thing.

stats-title = コミュニティの状況
stats-interval = 区切り
stats-week = 週ごと
stats-month = 月ごと
stats-tag = タグ
stats-key = API キー（サインインしていない場合）
stats-load = 表示
stats-csv = CSV をダウンロード
stats-tiles = 直近 30 日
stats-chart_questions = 質問数と回答された質問数
stats-chart_median = 最初の回答までの時間（中央値）
stats-chart_hours = 記録された成果による 1 か月の節約時間
stats-table = すべての数字
stats-unit_hours = 時間
stats-unit_people = 人
stats-unit_count = 件
