//! The files of a connector package: definition, properties, icon, settings and readme.

use super::strings::{key, Strings};
use super::{icon, swagger, AuthMode, ConnectorOptions, Untranslated, BRAND_COLOR};
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
    let readme = readme(options, &definition, &strings);
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
                    "clientId": options.sign_in.client_id.as_deref().unwrap_or("REPLACE-WITH-THE-CLIENT-ID-OF-YOUR-ENTRA-APP"),
                    "scopes": [],
                    "redirectUrl": "https://global.consent.azure-apim.net/redirect",
                    "properties": {
                        "IsFirstParty": "False",
                        "AzureActiveDirectoryResourceId": options.sign_in.resource
                    },
                    "customParameters": {
                        "loginUri": { "value": "https://login.microsoftonline.com" },
                        "tenantId": { "value": options.sign_in.tenant },
                        "resourceUri": { "value": options.sign_in.resource }
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
                    "clientId": options.sign_in.client_id.as_deref().unwrap_or("REPLACE-WITH-YOUR-CLIENT-ID"),
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

/// `readme.md` with the sections certification expects (what an admin must fix first, when
/// anything); operations listed from the definition.
fn readme(options: &ConnectorOptions, definition: &Value, strings: &Strings) -> String {
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
    let say = |key: &str| strings.say(key, &[]);
    let url = options.target.url();
    let mut out = format!("# tsunagu\n\n{}\n\n", say("readme-intro"));
    let warnings = options.warnings();
    if !warnings.is_empty() {
        out.push_str(&format!("## {}\n\n", say("readme-heading-warnings")));
        for warning in warnings {
            let text = strings.say(warning.key(), &super::Warning::args(options));
            out.push_str(&format!("- ⚠ {text}\n"));
        }
        out.push('\n');
    }
    let credentials = match options.auth {
        AuthMode::Aad => strings.say(
            "readme-credentials-aad",
            &[
                ("resource", options.sign_in.resource.as_str().into()),
                ("tenant", options.sign_in.tenant.as_str().into()),
            ],
        ),
        AuthMode::Oauth2 => say("readme-credentials-oauth2"),
        AuthMode::ApiKey => say("readme-credentials-apikey"),
    };
    let mut command = format!(
        "tsunagu connector --lang {} --auth {} --host {url}",
        options.lang, options.auth
    );
    if options.auth != AuthMode::ApiKey {
        if let Some(id) = &options.sign_in.client_id {
            command.push_str(&format!(" --client-id {id}"));
        }
    }
    if options.auth == AuthMode::Aad {
        command.push_str(&format!(
            " --tenant {} --resource {}",
            options.sign_in.tenant, options.sign_in.resource
        ));
    }
    let sections = [
        ("readme-heading-publisher", "tsunagu maintainers".to_owned()),
        (
            "readme-heading-prerequisites",
            strings.say("readme-prerequisites", &[("url", url.as_str().into())]),
        ),
        ("readme-heading-operations", operations.join("\n")),
        ("readme-heading-credentials", credentials),
        (
            "readme-heading-limits",
            [
                "readme-limit-anonymous",
                "readme-limit-lengths",
                "readme-limit-rate",
            ]
            .iter()
            .map(|key| format!("- {}", say(key)))
            .collect::<Vec<_>>()
            .join("\n"),
        ),
        (
            "readme-heading-deployment",
            strings.say("readme-deployment", &[("command", command.into())]),
        ),
    ];
    for (heading, body) in sections {
        out.push_str(&format!("## {}\n\n{body}\n\n", say(heading)));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
