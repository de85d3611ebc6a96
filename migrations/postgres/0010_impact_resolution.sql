-- Impact values at the resolution the API now enforces: minutes saved per run in tenths of a
-- minute, money in hundredths. A value stored before (say 5e-324) could make arithmetic on it
-- underflow and statistics fail on PostgreSQL; rounded, it cannot.
UPDATE wins SET minutes_saved_per_run = ROUND(minutes_saved_per_run * 10) / 10.0
WHERE minutes_saved_per_run <> ROUND(minutes_saved_per_run * 10) / 10.0;
UPDATE wins SET money_saved_per_month = ROUND(money_saved_per_month * 100) / 100.0
WHERE money_saved_per_month IS NOT NULL AND money_saved_per_month <> ROUND(money_saved_per_month * 100) / 100.0;
