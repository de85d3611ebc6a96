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
