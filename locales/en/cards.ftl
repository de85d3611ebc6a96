### Adaptive Cards for flows (`src/api/cards.rs`): what a Teams post shows.

card-question = Question
card-asked-by = Asked by { $name }
card-asked-anonymously = Asked anonymously
card-answers = Answers
card-status = Status
card-status-open = Waiting for an answer
card-status-answered = Answered
card-status-resolved = Resolved (best answer chosen)
card-me-too = Have this question too
card-people = { $count ->
    [one] 1 person
   *[other] { $count } people
}
card-count = { $count }
card-open-question = Open the question
card-answer-it = Answer it
card-tip-of-the-day = Tip of the day
card-tip-by = By { $name } · { $level }
card-open-tip = Open the tip
card-win = Win
card-win-by = Logged by { $name }
card-win-hours = Saves { $hours } hours a month
card-minutes-per-run = Minutes saved per run
card-runs-per-month = Runs per month
card-people-helped = People it saves time for
card-kudos = Kudos
card-open-win = Open the win
card-send-kudos = Send kudos
card-summary = Community health — last 30 days
card-hours = { $hours } hours
card-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
card-under-a-minute = under a minute
card-share = { $percent } %
card-open-dashboard = Open the dashboard
