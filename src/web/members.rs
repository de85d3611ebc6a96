//! A member's public profile page — what they gave the community (answers, tips, wins, the
//! hours others saved thanks to them). Like the API's `GET /members/{id}`: no e-mail address,
//! and nothing a member asked anonymously.

use super::page::{sign_in_first, Page};
use crate::api::links::Links;
use crate::api::members::{member_profile, MemberProfile};
use crate::api::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

/// The profile page.
#[derive(askama::Template)]
#[template(path = "member.html")]
pub struct MemberTemplate<'a> {
    /// The page context.
    pub page: &'a Page,
    /// The member as other members see them.
    pub member: MemberProfile,
    /// Whether the reader is this member.
    pub me: bool,
}

/// `GET /members/{id}`: a member's public profile.
pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<i64>,
) -> HttpResponse {
    let page = Page::of(&state, &req).await;
    let Some(caller) = page.member.clone() else {
        return sign_in_first(&req);
    };
    match member_profile(&state, id.into_inner(), &Links::new(&state, &req)).await {
        Ok(member) => {
            let me = member.id == caller.member_id;
            page.render(
                StatusCode::OK,
                &MemberTemplate {
                    page: &page,
                    member,
                    me,
                },
            )
        }
        Err(e) => e.into_page(&page),
    }
}
