### The members' pages (`src/web/`, `templates/`).

web-skip = Skip to the content
web-signed-in-as = Signed in as { $name }
web-signout = Sign out
web-error-title = Something is not right
web-back-home = Back to the home page
web-signin-title = Sign in to tsunagu
web-signin-company = Sign in with your company account
web-signin-trial = Trial mode: this server has no company sign-in yet. Paste your personal tsunagu API key (it starts with tsu_); your admin can give you one.
web-signin-key = Your API key
web-signin-submit = Sign in
web-signin-not-a-key = That is not a tsunagu API key (they start with tsu_ and are 47 characters long).
web-signin-unknown-key = This API key is unknown or was revoked. Ask your tsunagu admin for a new one.
web-signin-use-company = Sign in with your company account; API keys are for flows and apps.
web-form-expired = The form expired. Please try again.
web-home-title = Questions
web-home-tag = Questions tagged “{ $tag }”.
web-home-all = Show all
web-home-waiting = Waiting for an answer
web-home-none-waiting = Every question has an answer. Thank you!
web-home-newest = Newest questions
web-home-none = No questions yet. Be the first to ask.
web-anonymous = Anonymous
web-yours-anonymous = Asked by you, anonymously (only you can see that this is yours)
web-answer-count = { $count ->
    [0] No answers
    [one] 1 answer
   *[other] { $count } answers
}
web-no-answers = No answers yet.
web-best-answer = Best answer
web-yours-anonymous-short = You (anonymous)
web-ask-title = Ask a question
web-ask-welcome = No question is too basic. Someone here has wondered the same thing.
web-fix-these = Please fix these:
web-ask-field-title = Your question in one line
web-ask-title-hint = 5–150 characters, e.g. “How do I notify the applicant when an approval is sent back?”
web-ask-field-body = Details
web-ask-body-hint = What you tried and what happened. Markdown works: **bold**, lists, `code`. Up to 20,000 characters.
web-ask-field-tags = Tags (optional)
web-ask-tags-hint = Up to 5, separated by spaces or commas, e.g. approvals sharepoint
web-ask-anonymous-legend = Who sees your name
web-ask-anonymous = Ask anonymously
web-ask-anonymous-hint = Nobody else sees that you asked — not other members, not moderators, not admins. You still see it as yours, can accept an answer and say thanks. You can show your name later.
web-ask-submit = Post the question
web-asked = Your question is posted.
web-asked-anonymous = Only you can see that this is yours.
web-answer-title = Your answer
web-answer-field = Answer
web-answer-submit = Post the answer
web-me-too = I have this question too
web-choose-best = Choose as the best answer
web-helpful = Helpful
web-thanks = Thanks
web-form-unreadable = The form could not be read; reload the page and try again.
web-tip = Tip
web-tip-featured = Featured
web-level-beginner = For beginners
web-level-intermediate = For intermediate builders
web-level-advanced = For advanced builders
web-hidden = A moderator hid this post; only its author and moderators see it.
web-member-since = Member since { $date }
web-member-me = This is your profile as others see it. Nothing you asked anonymously is shown here.
web-member-gave = What they gave the community
web-member-answers = Answers written
web-member-accepted = Best answers
web-member-helpful = “Helpful” received
web-member-kudos = Kudos received
web-member-tips = Tips written
web-member-wins = Wins logged
web-member-hours = Hours saved per month by others thanks to them
web-win = Win
web-win-hours = Saves { $hours } hours a month
web-win-formula = Minutes per run × runs per month × people ÷ 60
web-win-money = Money saved per month
web-win-link = Open the flow or app
web-win-helped-by = What helped
web-kudos-count = { $count ->
    [0] No kudos yet
    [one] 1 kudos
   *[other] { $count } kudos
}
web-kudos-own = This is your win: others can send you kudos here.
web-kudos-given = You sent kudos for this win. Thank you!
web-kudos-message = A message (optional)
web-kudos-hint = Up to 280 characters, one line, e.g. “This saved our team every Monday morning!”
web-kudos-submit = Send kudos
web-not-found = There is no page at this address. It may have been deleted, or the link is mistyped.
