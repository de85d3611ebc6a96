# Problem details (RFC 9457 `detail` and `errors[].detail`), English.
# Keyed by meaning; `code`s in the responses never change with the language.
# Placeables: $field is the field's name as sent (`title`, `tags[1]`); numbers are counts of
# characters unless said otherwise.

## Whole-request problems
validation-summary = { $count ->
    [one] The request has 1 invalid field.
   *[other] The request has { $count } invalid fields.
}
missing-credentials = Send a key as `Authorization: Bearer <api key>`.
rate-limited = Too many requests from this caller; retry in { $seconds } s.
not-found = No { $what } with that id exists.
route-not-found = No API route matches this path. See /openapi.json.
method-not-allowed = This path accepts only { $allowed }.
payload-too-large = The request body is larger than the limit of { $kib } KB ({ $limit } bytes).
body-timeout = The request body did not arrive within { $seconds } seconds; send it again.
uri-too-long = The URL is longer than the limit of { $limit } characters; send long text in a request body.
unsupported-media-type = Send the request body as JSON with `Content-Type: application/json`.
internal = Something went wrong on our side. The error has been logged.
database-unavailable = The database cannot be reached right now; try again in a moment.

## What a thing is called in "No … with that id exists"
thing-question = question
thing-answer = answer
thing-tip = tip
thing-win = win
thing-member = member
thing-report = report
thing-subscription = subscription
thing-delivery = delivery
thing-api-key = API key
thing-resource = resource

## Reading the body and the query
body-required = the request needs a JSON body
body-not-object = the request body must be a JSON object
body-malformed = the body is not valid JSON ({ $reason })
field-required = { $field } is required
field-unknown = { $field } is not a field of this request
field-duplicate = { $field } appears twice in the body; send it once
field-must-be-text = { $field } must be text
field-must-be-integer = { $field } must be a whole number
field-must-be-number = { $field } must be a number
field-must-be-boolean = { $field } must be true or false
field-must-be-list = { $field } must be a list
field-must-be-object = { $field } must be an object
field-bad-choice = { $field } must be one of { $choices } (got "{ $got }")
field-not-whole = { $field } must be a whole number
field-too-large = { $field } is too large
query-invalid = query parameter { $field }: { $reason }
query-not-flag = { $field } must be true or false (True, FALSE, 1 and 0 are read too)
query-not-date = { $field } must be a date-time: 2026-11-01T09:00:00+09:00, 2026-11-01T09:00:00 (the members' time zone) or 2026-11-01

## Search, reports, links, reactions
search-control = { $field } must not contain control characters
search-too-many-words = { $field } may have at most { $max } words (it has { $count })
reason-required-to-hide = reason is required to hide a post: its author is told why
link-invalid = link must be an http(s) URL of at most { $max } characters
reaction-kind-unknown = there is no reaction "{ $kind }" here; use { $allowed }

## Text people type
text-empty = { $field } must not be empty
text-too-short = { $field } must be at least { $min } visible { $min ->
        [one] character
       *[other] characters
    } (it has { $count })
text-too-few-visible = { $field } must have at least { $min } { $min ->
        [one] character
       *[other] characters
    } a reader can see (it has { $count }); spaces and invisible characters do not count
text-too-long = { $field } must be at most { $max } characters (it has { $count })
text-one-line = { $field } must be a single line without control characters (found { $char })
text-control = { $field } must not contain control characters (found { $char })

## Tags
tag-empty = a tag must not be empty
tag-invisible = a tag must have a character a reader can see; spaces and invisible characters do not count
tag-too-long = a tag must be at most { $max } characters (it has { $count })
tag-bad-character = a tag may contain letters, digits, '-', '_' and '.' only (found "{ $char }"){ $space ->
        [yes] ; use '-' instead of spaces
       *[other] {""}
    }
tags-too-many = at most { $max } tags are allowed (got { $count })

## Who may do what (403)
forbidden-role = this needs the { $needed } role (you are a { $actual })
forbidden-cross-site = a change made with the browser's session must come from a tsunagu page (cross-site request refused)
forbidden-question = only the person who asked, or a moderator, can { $action ->
    [edit] edit
   *[delete] delete
} this question
forbidden-anonymous = only the person who asked can change whether a question is anonymous
forbidden-answer = only the person who answered, or a moderator, can { $action ->
    [edit] edit
   *[delete] delete
} this answer
forbidden-accept = only the person who asked the question can accept an answer or withdraw the choice
forbidden-tip = only the author, or a moderator, can { $action ->
    [edit] edit
   *[delete] delete
} this tip
forbidden-feature = only moderators can feature tips
forbidden-win = only the member who logged this win, or a moderator, can { $action ->
    [edit] edit
   *[delete] delete
} it
forbidden-create-tag = only moderators and admins create tags ahead of use; members create them by using them

## Not on your own post (422)
own-question = you asked this question, so you cannot add a "me too" to it
own-answer = you wrote this answer, so you cannot react to it
own-tip = you wrote this tip, so you cannot mark it helpful
own-kudos = this { $kind } is yours, so you cannot give it kudos
own-post = you wrote this { $kind }, so you cannot report it; edit or delete it instead
own-role = you cannot change your own role; ask another admin

## Conflicts and the rest
email-taken = another member already has this e-mail address
not-retryable = only a failed delivery of an active subscription can be retried (this one is { $status })
report-resolved = this report was already resolved (perhaps with another report of the same post); list open reports with GET /api/v1/reports
post-deleted = the reported post was deleted, so there is nothing to hide; dismiss the report instead
stale-etag = this is not the version you read (it changed since, or If-Match names another version; its ETag is now { $etag }); read it again and retry
idempotency-reused = this Idempotency-Key was used for a different request; use a new key for a new request
idempotency-in-progress = a request with this Idempotency-Key is still being processed; retry shortly
no-tip-left = you have seen every { $level } tip; new tips appear as members write them, or change your level with PATCH /api/v1/me
no-tip-matches = no tip matches this topic and level yet

## Numbers, lists and ranges
value-out-of-range = { $field } must be between { $min } and { $max } (got { $got })
number-out-of-range = { $field } must be between { $min } and { $max }
minutes-too-precise = { $field } is counted in tenths of a minute (e.g. 2.5); { $value } is finer than that
money-too-precise = { $field } is counted in hundredths (e.g. 1200.50); { $value } is finer than that
currency-invalid = currency must be a three-letter ISO 4217 code such as JPY or USD
list-too-many = at most { $max } are allowed (got { $count })
helped-by-missing = no such { $kind ->
    [questions] question
   *[tips] tip
}: { $ids }
range-order = from must be before to
range-too-long = a report covers at most 10 years
after-negative = { $field } must be 0 or more
cursor-invalid = cursor is not a cursor from this API; use the next_cursor of a previous page with the same sort and search
event-type-unknown = unknown event type "{ $name }"; use { $known }

## Headers and triggers
idempotency-key-invalid = Idempotency-Key must be 1–255 printable ASCII characters without spaces
if-match-invalid = If-Match must be an ETag you read (at most { $max } ASCII characters), or *
secret-invalid = secret must be whsec_ followed by the base64 of 24–64 random bytes
unknown-tag = no question, tip or win has the tag "{ $tag }", so this trigger would never fire; pick a tag from the list (a moderator can create one ahead of use with POST /tags)
unknown-tag-near = no question, tip or win has the tag "{ $tag }", so this trigger would never fire; did you mean "{ $near }"? pick a tag from the list (a moderator can create one ahead of use with POST /tags)
email-invalid = "{ $value }" is not an e-mail address like name@example.com

## 401: the credential was refused (the `code` is always `unauthorized`).
unauthorized-unknown-key = This API key is unknown or was revoked. Create a new one (`POST /api/v1/me/api-keys`) or ask your tsunagu admin.
unauthorized-not-a-key = The { $header } value is not a tsunagu API key (they start with `tsu_`).
unauthorized-provider-tokens-off = This server does not accept sign-in tokens from an identity provider; use a tsunagu API key.
unauthorized-no-subject = The sign-in token does not say who you are (it has no subject).
unauthorized-token-inactive = The sign-in token is not active (it expired or was revoked); sign in again.
unauthorized-repeated-credential = Send one credential: the request repeats a credential header.
unauthorized-two-credentials = Send one credential: either X-Api-Key or Authorization, not both.
unauthorized-session-member-gone = The member of this browser session no longer exists.
unauthorized-signed-out = This browser session was signed out; sign in again.
unauthorized-not-text = The Authorization header is not valid text.
unauthorized-use-bearer = Use `Authorization: Bearer <api key>`.
unauthorized-metrics-token = Send the metrics token as `Authorization: Bearer <token>`.
token-malformed = The sign-in token cannot be read.
token-algorithm = The sign-in token is signed with an algorithm tsunagu does not accept.
token-unknown-key = The sign-in token is signed with an unknown key (one the identity provider does not publish).
token-invalid = The sign-in token is invalid ({ $reason }); sign in again.
token-issuer = The sign-in token was issued by another provider.
token-tenant = The sign-in token comes from an organisation (tenant) this server does not accept.
token-nonce = The sign-in does not match this browser; start again at /auth/login.
signin-refused-by-provider = The identity provider refused the sign-in: { $reason }
signin-code-refused = The identity provider refused the sign-in code ({ $reason }); start again at /auth/login.
signin-no-id-token = The identity provider returned no ID token; start again at /auth/login.

## How values inside sentences read in other languages (see i18n::Message::render).
field-item = { $label } (item { $position })

## More field problems.
field-out-of-range = { $field } is outside the allowed range
field-invalid = { $field } is not valid ({ $reason })
body-unreadable = the request body could not be read ({ $reason }); send it again
callback-invalid = { $field } is not an absolute URL
callback-not-https = { $field } must use https
callback-private = { $field } points to a non-public address ({ $value }); webhooks go to public HTTPS endpoints only
callback-unresolvable = { $field }'s host { $value } does not resolve
signin-no-pending = no sign-in is in progress in this browser (it expired after 10 minutes, or cookies are blocked); start again at /auth/login
signin-state-mismatch = the sign-in state does not match; start again at /auth/login
signin-no-code = the identity provider sent no authorization code; start again at /auth/login
gone-meanwhile = What you acted on was deleted a moment ago; reload and try again.
query-duplicate = { $field } appears twice in the URL; send it once
query-no-such-day = { $field }: { $value } is not a day in the calendar
query-year-range = { $field }: use a year from 1900 to 2999
