//! The files of a connector package: definition, properties, icon, settings and readme.

use super::strings::{key, Strings};
use super::{icon, swagger, AuthMode, ConnectorOptions, Language, Untranslated, BRAND_COLOR};
use serde_json::{json, Value};
use std::io::Write;

/// A generated package: file names and contents.
#[derive(Debug, Clone)]
pub struct Package {
    /// `(file name, bytes)`, in a stable order.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The package file names, in order.
pub const FILES: [&str; 5] = [
    "apiDefinition.swagger.json",
    "apiProperties.json",
    "icon.png",
    "settings.json",
    "readme.md",
];

/// Generates the package for `options`.
pub fn package(options: &ConnectorOptions) -> Result<Package, Untranslated> {
    let spec = serde_json::to_value(crate::api::openapi()).unwrap_or_default();
    let definition = swagger::convert(&spec, options)?;
    let strings = Strings::new(options.lang);
    let properties = api_properties(options, &strings);
    let readme = readme(options, &definition);
    strings.finish()?;
    let files = vec![
        (FILES[0].to_owned(), pretty(&definition)),
        (FILES[1].to_owned(), pretty(&properties)),
        (FILES[2].to_owned(), icon::png()),
        (FILES[3].to_owned(), pretty(&settings())),
        (FILES[4].to_owned(), readme.into_bytes()),
    ];
    Ok(Package { files })
}

impl Package {
    /// Writes every file into `dir` (created if missing).
    pub fn write_to(&self, dir: &std::path::Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, bytes) in &self.files {
            std::fs::write(dir.join(name), bytes)?;
        }
        Ok(())
    }

    /// The package as a zip archive (the files at its root).
    pub fn zip(&self) -> std::io::Result<Vec<u8>> {
        let mut cursor = std::io::Cursor::new(Vec::new());
        {
            let mut archive = zip::ZipWriter::new(&mut cursor);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, bytes) in &self.files {
                archive
                    .start_file(name.as_str(), options)
                    .map_err(std::io::Error::other)?;
                archive.write_all(bytes)?;
            }
            archive.finish().map_err(std::io::Error::other)?;
        }
        Ok(cursor.into_inner())
    }

    /// One file's contents.
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.as_slice())
    }
}

/// Pretty JSON with a final newline, as committed.
pub fn pretty(value: &Value) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text.into_bytes()
}

/// `apiProperties.json`: the connection's sign-in, brand colour and capabilities.
fn api_properties(options: &ConnectorOptions, strings: &Strings) -> Value {
    let ui = |id: &str| {
        json!({
            "displayName": strings.say(&key(&["signin", id, "name"]), &[]),
            "description": strings.say(&key(&["signin", id, "description"]), &[]),
            "tooltip": strings.say(&key(&["signin", id, "description"]), &[]),
            "constraints": { "required": "true" }
        })
    };
    let connection_parameters = match options.auth {
        AuthMode::Aad => json!({
            "token": {
                "type": "oauthSetting",
                "oAuthSettings": {
                    "identityProvider": "aad",
                    "clientId": "REPLACE-WITH-THE-CLIENT-ID-OF-YOUR-ENTRA-APP",
                    "scopes": [],
                    "redirectUrl": "https://global.consent.azure-apim.net/redirect",
                    "properties": {
                        "IsFirstParty": "False",
                        "AzureActiveDirectoryResourceId": "api://tsunagu"
                    },
                    "customParameters": {
                        "loginUri": { "value": "https://login.microsoftonline.com" },
                        "tenantId": { "value": "common" },
                        "resourceUri": { "value": "api://tsunagu" }
                    }
                },
                "uiDefinition": ui("aad")
            },
            "token:TenantId": {
                "type": "string",
                "metadata": { "sourceType": "AzureActiveDirectoryTenant" },
                "uiDefinition": {
                    "constraints": { "required": "false", "hidden": "true" },
                    // Fixed by Microsoft's schema for this hidden parameter (word for word,
                    // typo included): it is not shown to anyone, so it stays as required.
                    "description": "The tenant ID of for the Azure Active Directory application",
                    "displayName": "Tenant"
                }
            }
        }),
        AuthMode::Oauth2 => json!({
            "token": {
                "type": "oauthSetting",
                "oAuthSettings": {
                    "identityProvider": "oauth2",
                    "clientId": "REPLACE-WITH-YOUR-CLIENT-ID",
                    "scopes": ["openid", "profile", "email", "offline_access"],
                    "redirectUrl": "https://global.consent.azure-apim.net/redirect",
                    "properties": { "IsFirstParty": "False" },
                    "customParameters": {
                        "authorizationUrl": { "value": "https://login.example.com/oauth2/authorize" },
                        "tokenUrl": { "value": "https://login.example.com/oauth2/token" },
                        "refreshUrl": { "value": "https://login.example.com/oauth2/token" }
                    }
                },
                "uiDefinition": ui("oauth2")
            }
        }),
        AuthMode::ApiKey => json!({
            "api_key": {
                "type": "securestring",
                "uiDefinition": {
                    "displayName": strings.say("signin-apikey-name", &[]),
                    "description": strings.say("signin-apikey-description", &[]),
                    "tooltip": strings.say("signin-apikey-tooltip", &[]),
                    "constraints": { "tabIndex": 2, "clearText": false, "required": "true" }
                }
            }
        }),
    };
    json!({
        "properties": {
            "connectionParameters": connection_parameters,
            "iconBrandColor": BRAND_COLOR,
            "capabilities": ["actions", "triggers"],
            "publisher": "tsunagu",
            "stackOwner": "tsunagu",
            // The polling trigger: each poll passes back the cursor of the last response.
            "policyTemplateInstances": [{
                "templateId": "pollingtrigger",
                "title": strings.say("polling-title", &[]),
                "parameters": {
                    "x-ms-apimTemplateParameter.triggerConfig": { "after": "@{triggerBody().cursor}" },
                    "x-ms-apimTemplateParameter.triggerDataPath": "@triggerBody().items",
                    "x-ms-apimTemplate-operationName": ["OnNewEvents"]
                }
            }]
        }
    })
}

/// `settings.json` for the `paconn` CLI.
fn settings() -> Value {
    json!({
        "apiDefinition": "apiDefinition.swagger.json",
        "apiProperties": "apiProperties.json",
        "icon": "icon.png",
        "powerAppsUrl": "https://api.powerapps.com",
        "powerAppsApiVersion": "2016-11-01",
        "flowUrl": "https://api.flow.microsoft.com",
        "flowApiVersion": "2016-11-01"
    })
}

/// `readme.md` with the sections certification expects; operations listed from the definition.
fn readme(options: &ConnectorOptions, definition: &Value) -> String {
    let mut operations = Vec::new();
    for item in definition["paths"]
        .as_object()
        .into_iter()
        .flat_map(|p| p.values())
    {
        // Only operations: a trigger's path item also holds its `x-ms-notification-content`.
        for op in ["get", "post", "put", "patch", "delete"]
            .iter()
            .filter_map(|method| item.get(*method))
        {
            operations.push(format!(
                "- **{}** (`{}`): {}",
                op["summary"].as_str().unwrap_or_default(),
                op["operationId"].as_str().unwrap_or_default(),
                op["description"].as_str().unwrap_or_default()
            ));
        }
    }
    let operations = operations.join("\n");
    let host = &options.host;
    match options.lang {
        Language::En => {
            let credentials = match options.auth {
                AuthMode::Aad => "Members sign in with their Microsoft Entra ID work account. An administrator registers an app for tsunagu in Entra ID (Application ID URI `api://tsunagu`, app roles `Tsunagu.Moderator` and `Tsunagu.Admin`), adds the redirect URI shown after the connector is imported, and replaces `clientId` in `apiProperties.json` with the app's client ID.",
                AuthMode::Oauth2 => "Members sign in with the company's OpenID Connect provider. Register a client for tsunagu with the provider, add the redirect URI shown after the connector is imported, and replace `clientId` and the authorization, token and refresh URLs in `apiProperties.json`.",
                AuthMode::ApiKey => "Each member uses a personal tsunagu API key (`tsu_…`): an admin creates the member with `tsunagu admin create-member` or `POST /api/v1/members`, and members create more keys with `POST /api/v1/me/api-keys`. The key is sent in the `X-Api-Key` header.",
            };
            format!(
                "# tsunagu\n\n\
                 tsunagu is the backend of an in-company learning community for citizen developers. \
                 With this connector members ask questions (anonymously if they like), answer each other, \
                 say thanks, and find questions that were already asked, in Japanese and English.\n\n\
                 ## Publisher\n\ntsunagu maintainers\n\n\
                 ## Prerequisites\n\nA running tsunagu server reachable over HTTPS at `{host}` \
                 (see the project README for the two commands that run it).\n\n\
                 ## Supported Operations\n\n{operations}\n\n\
                 ## Obtaining Credentials\n\n{credentials}\n\n\
                 ## Known Issues and Limitations\n\n\
                 - Anonymous questions never show their author to other members; flows see no author for them.\n\
                 - Titles are 5–150 characters, bodies 1–20,000 characters, at most 5 tags per question.\n\
                 - Custom connectors are limited to 500 requests per minute per connection.\n\n\
                 ## Deployment Instructions\n\n\
                 Import with `paconn create --api-def apiDefinition.swagger.json --api-prop apiProperties.json --icon icon.png` \
                 (or `pac connector create`), or in the maker portal with \"Import an OpenAPI file\". \
                 The package was generated by `tsunagu connector --lang en --auth {auth} --host {host}`.\n",
                auth = options.auth,
            )
        }
        Language::Ja => {
            let credentials = match options.auth {
                AuthMode::Aad => "メンバーは Microsoft Entra ID の職場アカウントでサインインします。管理者が Entra ID に tsunagu 用のアプリを登録し（アプリケーション ID URI は `api://tsunagu`、アプリロールは `Tsunagu.Moderator` と `Tsunagu.Admin`）、コネクタのインポート後に表示されるリダイレクト URI を追加して、`apiProperties.json` の `clientId` をアプリのクライアント ID に置き換えます。",
                AuthMode::Oauth2 => "メンバーは会社の OpenID Connect プロバイダーでサインインします。プロバイダーに tsunagu 用のクライアントを登録し、コネクタのインポート後に表示されるリダイレクト URI を追加して、`apiProperties.json` の `clientId` と認可・トークン・更新の URL を置き換えます。",
                AuthMode::ApiKey => "メンバーごとに個人用の tsunagu API キー（`tsu_…`）を使います。管理者が `tsunagu admin create-member` または `POST /api/v1/members` でメンバーを作成し、メンバーは `POST /api/v1/me/api-keys` でキーを追加できます。キーは `X-Api-Key` ヘッダーで送られます。",
            };
            format!(
                "# tsunagu\n\n\
                 tsunagu は社内の市民開発者の学習コミュニティを支えるサービスです。このコネクタを使うと、\
                 質問の投稿（匿名も可）、回答、お礼、すでに誰かが聞いた質問の検索を、日本語と英語で行えます。\n\n\
                 ## 発行元 (Publisher)\n\ntsunagu maintainers\n\n\
                 ## 前提条件 (Prerequisites)\n\n`{host}` で HTTPS 接続できる tsunagu サーバー\
                 （起動方法はプロジェクトの README を参照してください）。\n\n\
                 ## サポートされている操作 (Supported Operations)\n\n{operations}\n\n\
                 ## 資格情報の取得 (Obtaining Credentials)\n\n{credentials}\n\n\
                 ## 既知の問題と制限事項 (Known Issues and Limitations)\n\n\
                 - 匿名の質問では、ほかのメンバーに質問者が表示されることはありません。フローでも質問者は空になります。\n\
                 - タイトルは 5〜150 文字、本文は 1〜20,000 文字、タグは 1 つの質問に最大 5 個です。\n\
                 - カスタムコネクタは接続ごとに 1 分あたり 500 要求までです。\n\n\
                 ## 展開手順 (Deployment Instructions)\n\n\
                 `paconn create --api-def apiDefinition.swagger.json --api-prop apiProperties.json --icon icon.png`\
                 （または `pac connector create`）でインポートするか、作成者ポータルの「OpenAPI ファイルをインポート」を使います。\
                 このパッケージは `tsunagu connector --lang ja --auth {auth} --host {host}` で生成しました。\n",
                auth = options.auth,
            )
        }
    }
}
