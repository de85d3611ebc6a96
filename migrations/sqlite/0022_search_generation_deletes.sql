-- A deletion no longer raises `search_generation` (migration 0021). A kept list of title
-- matches (`Store::title_matches`) stays right when a question is deleted: question ids are
-- never reused (`AUTOINCREMENT`) and the search query joins the questions, which drops the
-- deleted id. Raising it made every deletion throw away every member's kept searches.
DROP TRIGGER search_generation_delete;
