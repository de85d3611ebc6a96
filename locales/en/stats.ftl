### The community dashboard page (`/stats`). Figure names are the connector's labels
### (`label-<field>` in connector.ftl), so the page and the designer say the same thing.

stats-title = Community health
stats-interval = Interval
stats-week = Weekly
stats-month = Monthly
stats-tag = Tag
stats-key = API key (unless signed in)
stats-load = Show
stats-csv = Download CSV
stats-tiles = Last 30 days
stats-chart_questions = Questions asked and answered
stats-chart_median = Hours to the first answer (median)
stats-chart_hours = Hours saved per month by the wins logged
stats-table = All figures
stats-unit_hours = h
stats-unit_people = people
stats-unit_count = {""}
