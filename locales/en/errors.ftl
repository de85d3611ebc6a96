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
payload-too-large = The request body is larger than the limit of { $limit } bytes.
body-timeout = The request body did not arrive within { $seconds } seconds; send it again.
uri-too-long = The URL is longer than the limit of { $limit } characters; send long text in a request body.
unsupported-media-type = Send the request body as JSON with `Content-Type: application/json`.
internal = Something went wrong on our side. The error has been logged.

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
thing-reaction-kind = reaction kind

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

## Text people type
text-empty = { $field } must not be empty
text-too-short = { $field } must be at least { $min } visible characters (it has { $count })
text-too-few-visible = { $field } must have at least { $min } characters a reader can see (it has { $count }); spaces and invisible characters do not count
text-too-long = { $field } must be at most { $max } characters (it has { $count })
text-one-line = { $field } must be a single line without control characters (found { $char })
text-control = { $field } must not contain control characters (found { $char })

## Tags
tag-empty = a tag must not be empty
tag-invisible = a tag must have a character a reader can see; spaces and invisible characters do not count
tag-too-long = a tag must be at most { $max } characters (it has { $count })
tag-bad-character = a tag may contain letters, digits, '-', '_' and '.' only (found "{ $char }"); use '-' instead of spaces
tags-too-many = at most { $max } tags are allowed (got { $count })
