//! The connector's words: labels (`x-ms-summary`) and descriptions, in English and Japanese.
//!
//! English comes from the `///` docs in the code (normalised to single spaces). Japanese is a
//! translation table keyed by that English text, so changing a doc comment without updating
//! the table makes the Japanese package fail to generate — and a test fail — instead of
//! shipping a half-English connector.

use super::{Lang, Untranslated};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

/// Looks up and records connector strings for one language.
#[derive(Debug)]
pub struct Strings {
    lang: Lang,
    missing: RefCell<BTreeSet<String>>,
}

impl Strings {
    /// Strings for `lang`.
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            missing: RefCell::new(BTreeSet::new()),
        }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A description or summary in the target language.
    pub fn text(&self, english: &str) -> String {
        let english = normalize(english);
        match self.lang {
            Lang::En => english,
            Lang::Ja => match JA_TEXT.get(english.as_str()) {
                Some(ja) => (*ja).to_owned(),
                None => {
                    self.missing.borrow_mut().insert(english.clone());
                    english
                }
            },
        }
    }

    /// The label (`x-ms-summary`) for a parameter or property name.
    pub fn label(&self, field: &str) -> String {
        match (LABELS.get(field), self.lang) {
            (Some((en, _)), Lang::En) => (*en).to_owned(),
            (Some((_, ja)), Lang::Ja) => (*ja).to_owned(),
            (None, Lang::En) => title_case(field),
            (None, Lang::Ja) => {
                self.missing.borrow_mut().insert(format!("label: {field}"));
                title_case(field)
            }
        }
    }

    /// The display name of an enum value.
    pub fn enum_label(&self, value: &str) -> String {
        match (ENUM_LABELS.get(value), self.lang) {
            (Some((en, _)), Lang::En) => (*en).to_owned(),
            (Some((_, ja)), Lang::Ja) => (*ja).to_owned(),
            (None, Lang::En) => title_case(value),
            (None, Lang::Ja) => {
                self.missing.borrow_mut().insert(format!("enum: {value}"));
                title_case(value)
            }
        }
    }

    /// Ok when every string had a translation.
    pub fn finish(&self) -> Result<(), Untranslated> {
        let missing = self.missing.borrow();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(Untranslated(missing.iter().cloned().collect()))
        }
    }
}

/// Collapses runs of white space (doc comments wrap lines) into single spaces.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `me_too_count` → `Me Too Count`.
fn title_case(name: &str) -> String {
    name.split(['_', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Labels for parameter and property names: (English, Japanese).
static LABELS: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> =
    LazyLock::new(|| {
        HashMap::from([
            ("id", ("ID", "ID")),
            ("department", ("Department", "部署")),
            ("featured", ("Featured", "おすすめ")),
            ("helper_tags", ("Helper Tags", "相談に乗れるトピック")),
            ("helpful", ("Marked Helpful", "「役に立った」済み")),
            ("interests", ("Interests", "関心のあるトピック")),
            ("level", ("Level", "レベル")),
            (
                "show_on_leaderboard",
                ("Show On Leaderboard", "ランキングに表示"),
            ),
            ("title", ("Title", "タイトル")),
            ("body", ("Body", "本文")),
            ("tags", ("Tags", "タグ")),
            ("tag", ("Tag", "タグ")),
            ("status", ("Status", "状態")),
            ("anonymous", ("Anonymous", "匿名で質問")),
            ("author", ("Author", "投稿者")),
            ("mine", ("Mine", "自分のもの")),
            ("me_too_count", ("Me Too Count", "「私も」の数")),
            ("me_too", ("Me Too", "「私も」済み")),
            ("answer_count", ("Answer Count", "回答数")),
            (
                "accepted_answer_id",
                ("Accepted Answer ID", "解決した回答の ID"),
            ),
            ("created_at", ("Created At", "作成日時")),
            ("updated_at", ("Updated At", "更新日時")),
            ("last_activity_at", ("Last Activity At", "最終更新日時")),
            ("link", ("Link", "リンク")),
            ("answers", ("Answers", "回答")),
            ("items", ("Items", "項目")),
            ("next_cursor", ("Next Cursor", "次のカーソル")),
            ("next_link", ("Next Link", "次のページの URL")),
            ("question_id", ("Question ID", "質問 ID")),
            ("by_asker", ("By Asker", "質問者による回答")),
            ("accepted", ("Accepted", "解決した回答")),
            ("helpful_count", ("Helpful Count", "「役に立った」の数")),
            ("thanks_count", ("Thanks Count", "「ありがとう」の数")),
            ("my_reactions", ("My Reactions", "自分のリアクション")),
            ("kind", ("Reaction", "リアクション")),
            ("display_name", ("Display Name", "表示名")),
            ("email", ("Email", "メールアドレス")),
            ("role", ("Role", "ロール")),
            ("issue_api_key", ("Issue API Key", "API キーを発行")),
            ("member", ("Member", "メンバー")),
            ("api_key", ("API Key", "API キー")),
            ("name", ("Name", "名前")),
            ("prefix", ("Prefix", "先頭部分")),
            ("secret", ("Secret", "シークレット")),
            ("slug", ("Slug", "タグ名")),
            ("question_count", ("Question Count", "質問数")),
            ("similarity", ("Similarity", "類似度")),
            ("unanswered", ("Unanswered", "未回答のみ")),
            ("q", ("Search Text", "検索語")),
            ("sort", ("Sort", "並び順")),
            ("limit", ("Limit", "件数")),
            ("cursor", ("Cursor", "カーソル")),
            ("type", ("Problem Type", "問題の種類")),
            ("detail", ("Detail", "詳細")),
            ("code", ("Code", "コード")),
            ("errors", ("Errors", "エラー")),
            ("field", ("Field", "項目名")),
            ("database", ("Database", "データベース")),
        ])
    });

/// Display names of enum values: (English, Japanese).
static ENUM_LABELS: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> =
    LazyLock::new(|| {
        HashMap::from([
            ("open", ("Open", "未回答")),
            ("beginner", ("Beginner", "初級")),
            ("intermediate", ("Intermediate", "中級")),
            ("advanced", ("Advanced", "上級")),
            ("answered", ("Answered", "回答あり")),
            ("resolved", ("Resolved", "解決済み")),
            ("newest", ("Newest first", "新しい順")),
            ("active", ("Recently active first", "更新が新しい順")),
            ("helpful", ("Helpful", "役に立った")),
            ("thanks", ("Thanks", "ありがとう")),
            ("member", ("Member", "メンバー")),
            ("moderator", ("Moderator", "モデレーター")),
            ("admin", ("Admin", "管理者")),
        ])
    });

/// Japanese for every English summary and description, keyed by the normalised English.
static JA_TEXT: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    HashMap::from([
        ("A member of the community, with their own settings.", "コミュニティのメンバーと、本人の設定。"),
        ("A page of tips", "ヒントの一覧（1 ページ分）"),
        ("A positive reaction to a tip.", "ヒントへのポジティブなリアクション。"),
        ("A reaction to a tip.", "ヒントへのリアクション。"),
        ("A tip", "ヒント"),
        ("A tip to write.", "書くヒント。"),
        ("A tip.", "ヒント。"),
        ("Appear on the leaderboard (default false: recognition is private).", "ランキングに表示するかどうか（既定は false。称賛は非公開が基本です）。"),
        ("Changes a tip. The author or a moderator may edit; only moderators may feature.", "ヒントを変更します。編集できるのは投稿者かモデレーターで、おすすめに設定できるのはモデレーターだけです。"),
        ("Changes the caller's department, level, interests, helper topics and leaderboard opt-in.", "呼び出したメンバーの部署、レベル、関心のあるトピック、相談に乗れるトピック、ランキングへの参加を変更します。"),
        ("Changes to a tip; absent fields stay as they are.", "ヒントの変更内容。指定しなかった項目はそのまま残ります。"),
        ("Changes to the caller's own settings; absent fields stay as they are.", "呼び出したメンバー自身の設定の変更内容。指定しなかった項目はそのまま残ります。"),
        ("Chosen by a moderator as a featured tip.", "モデレーターがおすすめに選んだヒントかどうか。"),
        ("Delete a tip", "ヒントを削除する"),
        ("Deletes a tip. The author or a moderator may delete.", "ヒントを削除します。削除できるのは投稿者かモデレーターです。"),
        ("Department, up to 80 characters; an empty string clears it.", "部署（80 文字まで）。空文字列で消去します。"),
        ("Department, when given (absent otherwise).", "部署（登録されていない場合は含まれません）。"),
        ("Edit a tip", "ヒントを編集する"),
        ("Feature or unfeature (moderators only).", "おすすめにする・外す（モデレーターのみ）。"),
        ("Feature the tip (moderators only; default false).", "ヒントをおすすめにする（モデレーターのみ、既定は false）。"),
        ("Get a random tip", "ランダムなヒントを取得する"),
        ("Get a tip", "ヒントを取得する"),
        ("Get my tip of the day", "今日のヒントを取得する"),
        ("List tips", "ヒントを一覧表示する"),
        ("Lists tips, newest first, with Japanese/English search and filters by topic and level.", "ヒントを新しい順に一覧表示します。日本語・英語の検索と、トピックやレベルでの絞り込みができます。"),
        ("Mark a tip helpful", "ヒントに「役に立った」を付ける"),
        ("New level.", "新しいレベル。"),
        ("No such tip", "ヒントが見つかりません"),
        ("No such tip or reaction kind", "ヒントまたはリアクションの種類が見つかりません"),
        ("No tip matches", "条件に合うヒントがありません"),
        ("No unseen tip is left at the caller's level", "呼び出したメンバーのレベルで、まだ見ていないヒントが残っていません"),
        ("One page of tips.", "ヒントの一覧（1 ページ分）。"),
        ("Only featured (true) or only other (false) tips.", "おすすめのヒントだけ（true）、またはそれ以外だけ（false）にします。"),
        ("Only moderators can feature tips", "ヒントをおすすめにできるのはモデレーターだけです"),
        ("Only tips for this level.", "このレベル向けのヒントだけにします。"),
        ("Only tips with this topic.", "このトピックのヒントだけにします。"),
        ("Publishes a tip for a level. Any member may write tips; only moderators may feature one.", "レベルを指定してヒントを公開します。ヒントは誰でも書けますが、おすすめにできるのはモデレーターだけです。"),
        ("Returns a random tip, optionally of a topic and a level — handy for a flow's daily post.", "ランダムにヒントを 1 件返します。トピックやレベルを指定でき、フローで毎日投稿するのに便利です。"),
        ("Returns one tip.", "ヒントを 1 件返します。"),
        ("Returns the caller's tip of the day: a tip at their level (see UpdateMe) that they have never been shown, preferring their interest topics. It stays the same all day.", "呼び出したメンバーの今日のヒントを返します。本人のレベル（UpdateMe を参照）で、まだ表示されたことのないヒントを、関心のあるトピックを優先して選びます。1 日の間は同じヒントです。"),
        ("Says a tip helped you. Saying it twice counts once; you cannot mark your own tip.", "ヒントが役に立ったことを伝えます。二度付けても 1 回と数え、自分のヒントには付けられません。"),
        ("The caller with the new settings", "新しい設定になった呼び出しメンバー"),
        ("The member's level; it chooses their tip of the day.", "メンバーのレベル。今日のヒントはこのレベルから選ばれます。"),
        ("The tip", "ヒント"),
        ("The tip in Markdown, 1–20,000 characters.", "ヒントの内容（Markdown、1〜20,000 文字）。"),
        ("The tip in one line, 5–150 characters.", "ヒントを 1 行で（5〜150 文字）。"),
        ("The tip in one line.", "ヒントを 1 行で表したもの。"),
        ("The tip with its new count", "新しい件数を含むヒント"),
        ("The tip's URL in this API.", "この API でのヒントの URL。"),
        ("The tip, in Markdown.", "ヒントの内容（Markdown）。"),
        ("The tips on this page.", "このページのヒント。"),
        ("The updated tip", "更新したヒント"),
        ("Tip id", "ヒント ID"),
        ("Tip id.", "ヒント ID。"),
        ("Today's tip for the caller", "呼び出したメンバーの今日のヒント"),
        ("Topics in which the member is happy to be asked for help.", "メンバーが相談に乗れるトピック。"),
        ("Topics in which you are happy to be asked (up to 10); replaces the old list.", "相談に乗れるトピック（最大 10 個）。今の一覧と置き換わります。"),
        ("Topics the member is interested in (their tips of the day prefer these).", "メンバーが関心のあるトピック（今日のヒントはこれを優先します）。"),
        ("Topics you are interested in (up to 10); replaces the old list.", "関心のあるトピック（最大 10 個）。今の一覧と置き換わります。"),
        ("URL of the new tip", "新しいヒントの URL"),
        ("Update my settings", "自分の設定を更新する"),
        ("When it was written.", "書いた日時。"),
        ("Whether the caller found it helpful.", "呼び出したメンバーが「役に立った」を付けたかどうか。"),
        ("Whether the caller wrote it.", "呼び出したメンバーが書いたかどうか。"),
        ("Whether the member chose to appear on the leaderboard (private by default).", "メンバーがランキングへの表示を選んだかどうか（既定は非公開）。"),
        ("Who a tip is written for (and a member's own level).", "ヒントの対象者（とメンバー自身のレベル）。"),
        ("Who the tip is for (default `beginner`).", "ヒントの対象者（既定は `beginner`）。"),
        ("Who the tip is written for.", "ヒントの対象者。"),
        ("Who wrote it.", "投稿者。"),
        ("Withdraw helpful", "「役に立った」を取り消す"),
        ("Withdraws the caller's \"helpful\" from a tip. Withdrawing twice is harmless.", "ヒントに付けた「役に立った」を取り消します。二度取り消しても問題ありません。"),
        ("Write a tip", "ヒントを書く"),
        ("Your level: `beginner`, `intermediate` or `advanced`.", "自分のレベル: `beginner`（初級）、`intermediate`（中級）、`advanced`（上級）。"),
        ("Your own tip", "自分のヒントです"),
        ("`helpful`", "`helpful`（役に立った）"),
        ("`helpful`: the only reaction to a tip.", "`helpful`（役に立った）: ヒントへの唯一のリアクション。"),
        ("A role to give a member.", "メンバーに与えるロール。"),
        ("The new role.", "新しいロール。"),
        ("Set a member's role", "メンバーのロールを設定する"),
        ("Makes a member a member, moderator or admin. Admins only; an admin cannot change their own role. A role granted by the company sign-in's roles claim still applies on top.", "メンバーを一般メンバー、モデレーター、管理者のいずれかにします。管理者のみ実行でき、自分自身のロールは変更できません。会社のサインインのロール要求で与えられたロールは、これとは別に引き続き適用されます。"),
        ("The member with the new role", "新しいロールになったメンバー"),
        ("Your own role", "自分自身のロールです"),
        ("The order of a question listing.", "質問一覧の並び順。"),
        ("Sign in with your company account", "会社のアカウントでサインイン"),
        ("Sign in with your Microsoft Entra ID work account.", "Microsoft Entra ID の職場アカウントでサインインします。"),
        ("Sign in with your company's OpenID Connect provider.", "会社の OpenID Connect プロバイダーでサインインします。"),
        ("API key", "API キー"),
        ("Your personal tsunagu API key (it starts with tsu_).", "個人用の tsunagu API キー（tsu_ で始まります）。"),
        ("Create one with POST /api/v1/me/api-keys or ask your tsunagu admin.", "POST /api/v1/me/api-keys で作成するか、tsunagu の管理者に依頼してください。"),
        ("A URI naming the kind of problem; stable, compare it or `code`.", "問題の種類を表す URI。変わらないので、これか `code` で判定してください。"),
        ("A key to create.", "作成する API キー。"),
        ("A label to recognise the key by, 1–80 characters.", "キーを見分けるための名前（1〜80 文字）。"),
        ("A list of API keys.", "API キーの一覧。"),
        ("A list of tags, most used first.", "タグの一覧（使われている順）。"),
        ("A member as other members see them: no e-mail address.", "ほかのメンバーから見たメンバー情報（メールアドレスは含みません）。"),
        ("A member of the community.", "コミュニティのメンバー。"),
        ("A member to create.", "作成するメンバー。"),
        ("A newly made API key, with its secret. The secret is shown this once and never again.", "新しく作成した API キーとそのシークレット。シークレットが表示されるのはこの一度だけです。"),
        ("A page of questions", "質問の一覧（1 ページ分）"),
        ("A personal API key, without its secret.", "個人用の API キー（シークレットは含みません）。"),
        ("A positive reaction to an answer. There are no down-votes, by design.", "回答へのポジティブなリアクション。低評価はあえて用意していません。"),
        ("A question to ask.", "投稿する質問。"),
        ("A question with all its answers (accepted first, then oldest first).", "質問とそのすべての回答（解決した回答が先頭、あとは古い順）。"),
        ("A question.", "質問。"),
        ("A reaction to give.", "付けるリアクション。"),
        ("A short summary of the kind of problem.", "問題の種類の短い説明。"),
        ("A stable machine-readable code (the last part of `type`, with underscores).", "プログラムで判定するための変わらないコード（`type` の末尾をアンダースコア区切りにしたもの）。"),
        ("A stable machine-readable reason, e.g. `too_short`, `too_long`, `required`, `invalid`.", "プログラムで判定するための理由コード（例: `too_short`、`too_long`、`required`、`invalid`）。"),
        ("A topic.", "トピック（タグ）。"),
        ("Accept an answer", "回答を解決済みにする"),
        ("Also make a first API key for the member (default true).", "メンバーの最初の API キーも作成するかどうか（既定は true）。"),
        ("An RFC 9457 problem document, as sent on every error response.", "すべてのエラー応答で返される RFC 9457 形式の問題詳細。"),
        ("An answer to a question.", "質問への回答。"),
        ("An answer to post, or the new text of one.", "投稿する回答、または回答の新しい本文。"),
        ("An existing question similar to a draft.", "下書きに似ている既存の質問。"),
        ("Answer a question", "質問に回答する"),
        ("Answer id", "回答 ID"),
        ("Answer id.", "回答 ID。"),
        ("Ask a question", "質問を投稿する"),
        ("Body is not JSON", "本文が JSON ではありません"),
        ("Body too large", "本文が大きすぎます"),
        ("Change anonymity; only the asker may.", "匿名にするかどうかを変更します。変更できるのは質問者だけです。"),
        ("Changes a question's title, body, tags or anonymity. The asker or a moderator may edit; only the asker may change `anonymous`.", "質問のタイトル、本文、タグ、匿名設定を変更します。編集できるのは質問者かモデレーターで、`anonymous` を変更できるのは質問者だけです。"),
        ("Changes to a question; absent fields stay as they are.", "質問の変更内容。指定しなかった項目はそのまま残ります。"),
        ("Create a member", "メンバーを作成する"),
        ("Create an API key", "API キーを作成する"),
        ("Created", "作成しました"),
        ("Created; the secret is shown once", "作成しました（シークレットは一度だけ表示されます）"),
        ("Creates a member and, unless `issue_api_key` is false, their first API key, whose secret is in the response once. Admins only.", "メンバーを作成し、`issue_api_key` が false でなければ最初の API キーも作成します。シークレットは応答に一度だけ含まれます。管理者のみ実行できます。"),
        ("Delete a question", "質問を削除する"),
        ("Delete an answer", "回答を削除する"),
        ("Deleted", "削除しました"),
        ("Deletes a question with its answers. The asker or a moderator may delete.", "質問をその回答ごと削除します。削除できるのは質問者かモデレーターです。"),
        ("Deletes an answer. The person who answered or a moderator may delete.", "回答を削除します。削除できるのは回答者かモデレーターです。"),
        ("Details in Markdown, 1–20,000 characters.", "詳しい内容（Markdown、1〜20,000 文字）。"),
        ("Details, in Markdown.", "詳しい内容（Markdown）。"),
        ("E-mail address (unique), optional.", "メールアドレス（重複不可、省略可）。"),
        ("E-mail address, when known (absent otherwise).", "メールアドレス（登録されていない場合は含まれません）。"),
        ("E-mail already in use", "このメールアドレスはすでに使われています"),
        ("Edit a question", "質問を編集する"),
        ("Edit an answer", "回答を編集する"),
        ("Find similar questions", "似ている質問を探す"),
        ("Get a member", "メンバーを取得する"),
        ("Get a question", "質問を取得する"),
        ("Get an answer", "回答を取得する"),
        ("Get my member record", "自分のメンバー情報を取得する"),
        ("Hide who asked from everyone else (default false).", "質問者をほかの人に見せないかどうか（既定は false）。"),
        ("How many members found it helpful.", "「役に立った」を付けたメンバーの数。"),
        ("How many members have this question too.", "同じ疑問を持っているメンバーの数。"),
        ("How many members said thanks.", "「ありがとう」を付けたメンバーの数。"),
        ("How many questions carry it.", "このタグが付いた質問の数。"),
        ("How many suggestions, 1–10 (default 5).", "候補の件数（1〜10、既定は 5）。"),
        ("How many, 1–200 (default 50).", "件数（1〜200、既定は 50）。"),
        ("Invalid field", "項目の値が正しくありません"),
        ("Invalid parameter", "パラメーターが正しくありません"),
        ("Its answers.", "この質問への回答。"),
        ("Key id", "キー ID"),
        ("Key id (use it to revoke the key).", "キー ID（キーを無効にするときに使います）。"),
        ("List my API keys", "自分の API キーを一覧表示する"),
        ("List questions", "質問を一覧表示する"),
        ("List tags", "タグを一覧表示する"),
        ("Lists questions, newest (or most active) first, with filters and Japanese/English search. Pages with `limit` and `cursor`; `next_link` is the next page.", "質問を新しい順（または更新が新しい順）に一覧表示します。絞り込みと日本語・英語の検索ができます。`limit` と `cursor` でページを送り、`next_link` が次のページです。"),
        ("Lists the caller's active API keys, without their secrets.", "呼び出したメンバーの有効な API キーを、シークレットを除いて一覧表示します。"),
        ("Lists topics with their question counts, most used first, optionally by prefix.", "トピックを質問数とともに、使われている順に一覧表示します。先頭の文字で絞り込めます。"),
        ("Makes a new personal API key. The secret is in this response only: store it now.", "個人用の API キーを新しく作成します。シークレットはこの応答にしか含まれないので、すぐに保管してください。"),
        ("Malformed request", "要求の形式が正しくありません"),
        ("Malformed request or unknown kind", "要求の形式が正しくないか、リアクションの種類が不明です"),
        ("Marks an answer `helpful` or says `thanks`. Reacting twice counts once. Reactions are positive only; you cannot react to your own answer.", "回答に「役に立った」（`helpful`）や「ありがとう」（`thanks`）を付けます。二度付けても 1 回と数えます。リアクションはポジティブなものだけで、自分の回答には付けられません。"),
        ("Marks this answer as the one that solved the question (replacing any earlier choice) and resolves the question. Only the person who asked may accept.", "この回答を質問を解決した回答にし（以前に選んだ回答は置き換わります）、質問を解決済みにします。選べるのは質問者だけです。"),
        ("Member id", "メンバー ID"),
        ("Member id.", "メンバー ID。"),
        ("New body, 1–20,000 characters.", "新しい本文（1〜20,000 文字）。"),
        ("New set of topics (replaces the old set), up to 5.", "新しいトピック（今のタグと置き換わります、最大 5 個）。"),
        ("New title, 5–150 characters.", "新しいタイトル（5〜150 文字）。"),
        ("No such answer", "回答が見つかりません"),
        ("No such answer or reaction kind", "回答またはリアクションの種類が見つかりません"),
        ("No such key of yours", "該当するあなたのキーが見つかりません"),
        ("No such member", "メンバーが見つかりません"),
        ("No such question", "質問が見つかりません"),
        ("No valid API key", "有効な API キーがありません"),
        ("Not an admin", "管理者ではありません"),
        ("Not the asker", "質問者ではありません"),
        ("Not the asker or a moderator", "質問者でもモデレーターでもありません"),
        ("Not the author or a moderator", "投稿者でもモデレーターでもありません"),
        ("Number of answers.", "回答の数。"),
        ("One page of questions.", "質問の一覧（1 ページ分）。"),
        ("One problem with one input field.", "1 つの入力項目についての問題。"),
        ("Only questions I asked.", "自分が投稿した質問だけにします。"),
        ("Only questions in this state.", "この状態の質問だけにします。"),
        ("Only questions nobody but the asker has answered.", "質問者以外の誰もまだ回答していない質問だけにします。"),
        ("Only questions with this topic.", "このトピックの質問だけにします。"),
        ("Only tags starting with this text.", "この文字で始まるタグだけにします。"),
        ("Order: `newest` (default) or `active`.", "並び順: `newest`（新しい順、既定）または `active`（更新が新しい順）。"),
        ("Page size, 1–100 (default 20).", "1 ページの件数（1〜100、既定は 20）。"),
        ("Pass as `cursor` to get the next page; absent on the last page.", "次のページを取得するときに `cursor` に渡す値。最後のページにはありません。"),
        ("Posts a question. Set `anonymous` to hide who asked from everyone else; you still see it as yours and can accept an answer.", "質問を投稿します。`anonymous` を指定すると質問者はほかの人に表示されません。その場合も自分の質問として表示され、回答を解決済みにできます。"),
        ("Posts an answer to a question.", "質問に回答を投稿します。"),
        ("Question id", "質問 ID"),
        ("Question id.", "質問 ID。"),
        ("Questions similar to a draft, most similar first.", "下書きに似ている質問（似ている順）。"),
        ("React to an answer", "回答にリアクションする"),
        ("Records that the caller has this question too. Saying it twice counts once.", "呼び出したメンバーも同じ疑問を持っていることを記録します。二度送っても 1 回と数えます。"),
        ("Remove a reaction", "リアクションを取り消す"),
        ("Replaces an answer's text. The person who answered or a moderator may edit.", "回答の本文を置き換えます。編集できるのは回答者かモデレーターです。"),
        ("Returns a member's public profile (no e-mail address). It never lists anonymous questions.", "メンバーの公開プロフィールを返します（メールアドレスは含みません）。匿名の質問が表示されることはありません。"),
        ("Returns a question with all its answers.", "質問とそのすべての回答を返します。"),
        ("Returns one answer.", "回答を 1 件返します。"),
        ("Returns the member the API key belongs to.", "API キーの持ち主のメンバー情報を返します。"),
        ("Revoke an API key", "API キーを無効にする"),
        ("Revoked", "無効にしました"),
        ("Revokes one of the caller's API keys; it stops working at once.", "呼び出したメンバーの API キーを無効にします。キーはすぐに使えなくなります。"),
        ("Role; `member` when absent.", "ロール（省略時は `member`）。"),
        ("Say you have this question too", "「私も」と伝える"),
        ("Search words (Japanese or English), separated by spaces; all must match title or body.", "検索語（日本語または英語、スペース区切り）。すべての語がタイトルか本文に含まれる質問を返します。"),
        ("Share of the draft's character n-grams found in this title, 0–1.", "下書きの文字 n-gram のうち、このタイトルに含まれる割合（0〜1）。"),
        ("Similar questions, most similar first", "似ている質問（似ている順）"),
        ("Someone in the community, as other members see them.", "ほかのメンバーから見たコミュニティの参加者。"),
        ("Suggests up to 5 existing questions whose titles resemble a draft title, so an asker can see that someone may already have asked. Works for Japanese titles without spaces.", "下書きのタイトルに似た既存の質問を最大 5 件提案し、すでに誰かが質問しているかどうかを確かめられるようにします。スペースのない日本語のタイトルにも対応しています。"),
        ("The \"me too\" state of a question.", "質問の「私も」の状態。"),
        ("The HTTP status code.", "HTTP ステータスコード。"),
        ("The URL of the next page; absent on the last page.", "次のページの URL。最後のページにはありません。"),
        ("The accepted answer", "解決済みにした回答"),
        ("The accepted answer's id, once the asker accepted one.", "解決した回答の ID（質問者が選んだ場合）。"),
        ("The answer", "回答"),
        ("The answer in Markdown, 1–20,000 characters.", "回答（Markdown、1〜20,000 文字）。"),
        ("The answer with its reaction counts", "リアクション数を含む回答"),
        ("The answer's URL in this API.", "この API での回答の URL。"),
        ("The answer, in Markdown.", "回答（Markdown）。"),
        ("The answer, no longer accepted", "解決済みを取り消した回答"),
        ("The caller", "呼び出したメンバー"),
        ("The caller's own reactions to it.", "呼び出したメンバー自身が付けたリアクション。"),
        ("The created member and, unless declined, their first API key (secret shown once).", "作成したメンバーと、不要と指定しなかった場合はその最初の API キー（シークレットは一度だけ表示）。"),
        ("The database backend (`sqlite` or `postgres`), on readiness only.", "データベースの種類（`sqlite` または `postgres`、準備状態の確認時のみ）。"),
        ("The draft title, 1–150 characters.", "下書きのタイトル（1〜150 文字）。"),
        ("The field, as a JSON path for bodies (`title`, `tags[2]`) or the parameter name for queries.", "問題のある項目。本文では JSON のパス（`title`、`tags[2]`）、クエリではパラメーター名。"),
        ("The key's first characters, to recognise it.", "キーを見分けるための先頭の文字。"),
        ("The keys", "キーの一覧"),
        ("The keys, newest first.", "キーの一覧（新しい順）。"),
        ("The label given when the key was made.", "キーの作成時に付けた名前。"),
        ("The member", "メンバー"),
        ("The name shown to others, 1–80 characters.", "ほかの人に表示される名前（1〜80 文字）。"),
        ("The name shown to others.", "ほかの人に表示される名前。"),
        ("The new count", "新しい件数"),
        ("The new member.", "新しいメンバー。"),
        ("The offending fields, for validation problems.", "入力の検証で問題があった項目。"),
        ("The question and its answers", "質問とその回答"),
        ("The question in one line, 5–150 characters.", "質問を 1 行で（5〜150 文字）。"),
        ("The question in one line.", "質問を 1 行で表したもの。"),
        ("The question it answers.", "回答先の質問。"),
        ("The question's URL in this API.", "この API での質問の URL。"),
        ("The questions on this page.", "このページの質問。"),
        ("The secret key: send it as `Authorization: Bearer <key>`. Store it now; it cannot be shown again.", "シークレットキー。`Authorization: Bearer <key>` として送ります。再表示できないので、すぐに保管してください。"),
        ("The service's state.", "サービスの状態。"),
        ("The tag's slug.", "タグ名。"),
        ("The tags", "タグの一覧"),
        ("The tags.", "タグの一覧。"),
        ("The updated answer", "更新した回答"),
        ("The updated question", "更新した質問"),
        ("Their first API key, with its secret.", "そのメンバーの最初の API キーとシークレット。"),
        ("Title.", "タイトル。"),
        ("Topics.", "トピック（タグ）。"),
        ("URL of the new answer", "新しい回答の URL"),
        ("URL of the new member", "新しいメンバーの URL"),
        ("URL of the new question", "新しい質問の URL"),
        ("Un-accepts this answer; the question is no longer resolved. Only the person who asked may.", "この回答の解決済みを取り消し、質問は解決済みでなくなります。取り消せるのは質問者だけです。"),
        ("Up to 5 topics; new ones are created on first use.", "最大 5 個のトピック（新しいタグは初めて使ったときに作られます）。"),
        ("Up to `limit` questions.", "最大 `limit` 件の質問。"),
        ("What a member may do. Each role includes the ones before it.", "メンバーができること。各ロールはそれより前のロールの権限を含みます。"),
        ("What is wrong and how to fix it, for people.", "何が問題でどう直せばよいかの説明（人が読むためのもの）。"),
        ("What the member may do.", "メンバーができること。"),
        ("What went wrong in this case, for people.", "今回何が起きたかの説明（人が読むためのもの）。"),
        ("When it last changed in any way (asked, answered, accepted, edited).", "最後に何かが起きた日時（投稿、回答、解決、編集）。"),
        ("When it was asked.", "質問した日時。"),
        ("When it was last edited.", "最後に編集した日時。"),
        ("When it was posted.", "投稿した日時。"),
        ("When the key was made.", "キーを作成した日時。"),
        ("When the member joined.", "メンバーが参加した日時。"),
        ("Where a question stands.", "質問の状態。"),
        ("Where it stands.", "状態。"),
        ("Where the question stands.", "質問の状態。"),
        ("Whether the asker accepted this answer.", "質問者がこの回答を解決済みにしたかどうか。"),
        ("Whether the asker chose to stay anonymous.", "質問者が匿名を選んだかどうか。"),
        ("Whether the asker of the question wrote this answer.", "質問者自身が書いた回答かどうか。"),
        ("Whether the caller asked this question.", "呼び出したメンバーが投稿した質問かどうか。"),
        ("Whether the caller is one of them.", "呼び出したメンバーがそのひとりかどうか。"),
        ("Whether the caller said \"me too\".", "呼び出したメンバーが「私も」と伝えたかどうか。"),
        ("Whether the caller wrote this answer.", "呼び出したメンバーが書いた回答かどうか。"),
        ("Who answered; absent when the anonymous asker answered their own question.", "回答者。匿名の質問者が自分の質問に回答した場合は含まれません。"),
        ("Who asked; absent when the question is anonymous (except for the asker).", "質問者。匿名の質問では含まれません（質問者本人を除く）。"),
        ("Withdraw your me-too", "「私も」を取り消す"),
        ("Withdraw acceptance", "解決済みを取り消す"),
        ("Withdraws the caller's \"me too\". Withdrawing twice is harmless.", "呼び出したメンバーの「私も」を取り消します。二度取り消しても問題ありません。"),
        ("Withdraws the caller's `helpful` or `thanks` from an answer. Removing twice is harmless.", "回答に付けた「役に立った」（`helpful`）や「ありがとう」（`thanks`）を取り消します。二度取り消しても問題ありません。"),
        ("Your own answer", "自分の回答です"),
        ("Your own question", "自分の質問です"),
        ("`helpful` or `thanks`", "`helpful`（役に立った）または `thanks`（ありがとう）"),
        ("`helpful` or `thanks`.", "`helpful`（役に立った）または `thanks`（ありがとう）。"),
        ("`next_cursor` from the previous page.", "前のページの `next_cursor`。"),
        ("`ok` when the check passed.", "確認に成功した場合は `ok`。"),
        ("tsunagu connects the citizen developers of a company: ask questions (anonymously if you like), answer and thank each other, and find what was already asked, in Japanese and English.", "tsunagu は社内の市民開発者をつなぎます。質問を投稿し（匿名でも可）、回答し合い、お礼を伝え、すでに誰かが聞いたことを日本語と英語で探せます。"),
    ])
});
