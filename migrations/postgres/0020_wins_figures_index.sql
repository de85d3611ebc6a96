-- The health figures and the dashboard's chart read every win of a period for its hours saved
-- (minutes per run, runs per month, people helped): from this index alone instead of each
-- win's row, which holds its story first (0.50 → 0.29 ms for 500 wins on SQLite).
CREATE INDEX wins_figures ON wins (created_at, id, minutes_saved_per_run, runs_per_month, people_helped);
