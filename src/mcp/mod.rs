//! `ihracat mcp` and `serve`'s `/mcp`: the catalog as typed tools for AI assistants, over the
//! Model Context Protocol (the maintained Rust SDK, rmcp), on stdio or streamable HTTP.
//!
//! One more front end on the same path as the others (DECISIONS 30): each named analysis is a
//! tool whose input schema comes from its typed header, and a call runs it through the execution
//! layer on the shared read-only engine (file access off, settings locked, a time limit, the
//! engine let go while a `load` waits), its result written by the output layer as the web API's
//! JSON document and a Markdown table, with the notices and sources beside the rows. Curated: no
//! SQL tool unless `--allow-sql`, and then the web application's SQL page's rules. Nothing here
//! writes, loads, or reaches a file or the network.

mod calls;
mod ids;
mod resources;
mod tools;

use std::sync::Arc;
use std::time::Duration;


use rmcp::handler::server::ServerHandler;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, GetPromptRequestParams, GetPromptResponse, Implementation, ListPromptsResult, ListResourcesResult,
    ListToolsResult, PaginatedRequestParams, ReadResourceRequestParams, ReadResourceResponse, ServerCapabilities, ServerConfig,
};
use rmcp::service::{RequestContext, RoleServer};
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use rmcp::{ErrorData, ServiceExt};
use serde_json::json;

use crate::catalog::Catalog;
use crate::db::SharedEngine;
use crate::error::{Error, Result};
use crate::language::Language;

/// What the assistant interface serves, and its limits.
pub struct Config {
    pub catalog: Arc<Catalog>,
    /// The `run_sql` tool (`--allow-sql`): one read-only SELECT with the row cap and time limit.
    pub allow_sql: bool,
    /// Rows a result carries; a longer one says it was cut and how to narrow it.
    pub row_cap: usize,
    /// Bytes of text a result carries.
    pub size_cap: usize,
}

/// The server an MCP session talks to: cheap to clone (one per HTTP session), sharing the
/// catalog and the engine.
#[derive(Clone)]
pub struct Assistant {
    config: Arc<Config>,
    engine: Arc<SharedEngine>,
}

/// Said to the assistant when it connects: what the figures are and how to read them.
const INSTRUCTIONS: &str = "ihracat answers questions about Turkey's exports by province from the Ministry of Trade's and the exporters' associations' published figures. \
Call the named analyses (list_analyses lists them) rather than adding figures up yourself: a release names a few provinces a month, so the provinces in a result are rarely all 81, and a sum of them is never Türkiye's total. \
Quote each figure with its `origin` and `source`; where a notice says the panel is incomplete, say so; where `missing` gives a reason, give it instead of a number. \
Turkish names may be written without Turkish letters (Kahramanmaras); resolve_name finds the province, country or product. \
Every tool answers in Turkish (headings, numbers as 1.234,5, notices, errors) unless called with lang: en; the structured content is the same in both. / \
ihracat, illerin ihracatını yayımlanmış rakamlardan yanıtlar: rakamları kendiniz toplamayın, analizleri çağırın ve her rakamı kaynağıyla verin. Araçlar Türkçe yanıt verir; İngilizce için lang: en.";

impl Assistant {
    pub fn new(config: Config, engine: Arc<SharedEngine>) -> Assistant {
        Assistant { config: Arc::new(config), engine }
    }

    /// Runs blocking work (DuckDB) off the async threads, on the shared engine under its time
    /// limit.
    async fn on_engine<T: Send + 'static>(&self, work: impl FnOnce(&duckdb::Connection, &Config) -> Result<T> + Send + 'static) -> Result<T> {
        let (engine, config) = (self.engine.clone(), self.config.clone());
        tokio::task::spawn_blocking(move || engine.with_db(|conn| work(conn, &config))).await.map_err(|e| Error::msg(format!("the call stopped: {e}")))?
    }

    async fn call(&self, name: &str, given: rmcp::model::JsonObject) -> Result<CallToolResult> {
        match name {
            tools::LIST => calls::list(&self.config, &given),
            tools::DESCRIBE => calls::describe(&self.config, &given),
            tools::RESOLVE => self.on_engine(move |conn, _| calls::resolve(conn, &given)).await,
            tools::REPORT => self.on_engine(move |conn, config| calls::report(conn, config, &given)).await,
            tools::CHART => self.on_engine(move |conn, config| calls::chart(conn, config, &given)).await,
            tools::SQL if self.config.allow_sql => self.on_engine(move |conn, config| calls::sql(conn, config, &given)).await,
            tools::SQL => Err(Error::msg("run_sql is off: this server answers through the named analyses (start it with --allow-sql for read-only SQL)")),
            analysis => {
                // An unknown name is the catalog's error, with its suggestions.
                self.config.catalog.get(analysis)?;
                let name = analysis.to_string();
                self.on_engine(move |conn, config| {
                    let query = config.catalog.get(&name)?;
                    calls::analysis(conn, config, query, &given)
                })
                .await
            }
        }
    }
}

/// A failed call as a tool error the model reads and can retry on: the message ihracat gives on
/// the command line, in the call's language, and for a parameter its name.
fn tool_error(error: &Error, language: crate::language::Language) -> CallToolResult {
    let parameter = match error {
        Error::Parameter { name, .. } => Some(name.clone()),
        _ => None,
    };
    let suggestions = match error {
        Error::UnknownQuery { suggestions, .. } | Error::Unknown { suggestions, .. } => suggestions.clone(),
        _ => Vec::new(),
    };
    let said = error.said(language);
    let mut result = CallToolResult::error(vec![ContentBlock::text(said.clone())]);
    result.structured_content = Some(json!({"error": said, "parameter": parameter, "suggestions": suggestions}));
    result
}

impl ServerHandler for Assistant {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().enable_resources().enable_prompts().build())
            .with_server_info(Implementation::new("ihracat", env!("CARGO_PKG_VERSION")))
            .with_instructions(INSTRUCTIONS)
    }

    async fn list_tools(&self, _: Option<PaginatedRequestParams>, _: RequestContext<RoleServer>) -> std::result::Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(tools::all(&self.config)))
    }

    async fn call_tool(&self, request: CallToolRequestParams, _: RequestContext<RoleServer>) -> std::result::Result<CallToolResponse, ErrorData> {
        let given = request.arguments.unwrap_or_default();
        // A chart's language is its own `lang`, beside the analysis's arguments.
        let language = calls::call_language(&given);
        Ok(match self.call(&request.name, given).await {
            Ok(result) => result,
            Err(error) => tool_error(&error, language),
        }
        .into())
    }

    async fn list_resources(&self, _: Option<PaginatedRequestParams>, _: RequestContext<RoleServer>) -> std::result::Result<ListResourcesResult, ErrorData> {
        let months = self.on_engine(|conn, config| resources::months(conn, &config.catalog)).await.map_err(|e| ErrorData::internal_error(e.to_string(), None))?;
        Ok(ListResourcesResult::with_all_items(resources::list(&months)))
    }

    async fn read_resource(&self, request: ReadResourceRequestParams, _: RequestContext<RoleServer>) -> std::result::Result<ReadResourceResponse, ErrorData> {
        let uri = request.uri.clone();
        let contents = self.on_engine(move |conn, config| resources::read(conn, &config.catalog, &uri)).await;
        match contents {
            Ok(contents) => Ok(contents.into()),
            // In the language the address asks for (…/en), else the interface's own, Turkish.
            Err(e) => {
                let language = if request.uri.ends_with("/en") { Language::En } else { Language::Tr };
                Err(ErrorData::resource_not_found(e.said(language), Some(json!({"uri": request.uri}))))
            }
        }
    }

    async fn list_prompts(&self, _: Option<PaginatedRequestParams>, _: RequestContext<RoleServer>) -> std::result::Result<ListPromptsResult, ErrorData> {
        Ok(ListPromptsResult::with_all_items(resources::prompts()))
    }

    async fn get_prompt(&self, request: GetPromptRequestParams, _: RequestContext<RoleServer>) -> std::result::Result<GetPromptResponse, ErrorData> {
        // A prompt has no language of its own: said in both, Turkish first.
        resources::prompt(&request.name, request.arguments.as_ref()).map(Into::into).map_err(|e| ErrorData::invalid_params(format!("{} / {}", e.said(Language::Tr), e), None))
    }
}

/// `ihracat mcp`: serves one client on stdin and stdout until it closes them. A `load` in
/// another process that waits for the file gets it: the engine is let go while it waits.
pub fn serve_stdio(assistant: Assistant) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| Error::msg(format!("starting the MCP server: {e}")))?;
    let served = runtime.block_on(async move {
        let watcher = assistant.engine.clone();
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(Duration::from_millis(50));
            loop {
                ticks.tick().await;
                watcher.release_for_writer();
            }
        });
        let (reads, writes, relayed) = ids::guarded_stdio();
        let service = assistant.serve((reads, writes)).await.map_err(|e| Error::msg(format!("MCP session: {e}")))?;
        service.waiting().await.map_err(|e| Error::msg(format!("MCP session: {e}")))?;
        let _ = relayed.await;
        Ok::<_, Error>(())
    });
    // Not waiting for the read of stdin still blocked in its thread: the client has closed it or
    // rmcp has ended the session.
    runtime.shutdown_background();
    served
}

/// `/mcp` of `ihracat serve`: streamable HTTP, a session per client, on the server's engine.
/// Requests must name a loopback host unless the server listens beyond this machine.
pub fn http_service(assistant: Assistant, loopback_only: bool) -> axum::Router {
    let config = if loopback_only { StreamableHttpServerConfig::default() } else { StreamableHttpServerConfig::default().disable_allowed_hosts() };
    let service: StreamableHttpService<Assistant, LocalSessionManager> =
        StreamableHttpService::new(move || Ok(assistant.clone()), LocalSessionManager::default().into(), config);
    axum::Router::new().fallback_service(service).layer(axum::middleware::from_fn_with_state(ids::InFlight::default(), ids::refuse_reused_ids))
}
