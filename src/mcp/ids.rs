//! Request ids in flight, on both transports: a request that reuses the id of one not answered
//! yet is refused at once with a JSON-RPC error. rmcp keys a request's answer by its id, so of two
//! requests sharing one only one was answered: over HTTP the other's connection waited for ever,
//! over stdio the first answer was dropped and the client could read the second call's answer as
//! the first's. The MCP specification forbids reusing an id within a session; a client that does
//! must hear so.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// The request ids of each session (by its `Mcp-Session-Id`; stdio has one, unnamed) whose
/// answers are not sent yet. An id is kept as its JSON text: `7` and `"7"` are two ids.
#[derive(Clone, Default)]
pub(super) struct InFlight(Arc<Mutex<HashSet<(String, String)>>>);

impl InFlight {
    /// Takes the id for a request; false when a request of the session holds it already.
    fn reserve(&self, session: &str, id: &Value) -> bool {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).insert((session.to_string(), id.to_string()))
    }

    fn release(&self, session: &str, id: &Value) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).remove(&(session.to_string(), id.to_string()));
    }
}

/// What a message is to the guard. A message that is not JSON, or a batch, is `Other`: rmcp
/// answers it as it does today.
#[derive(Debug, PartialEq)]
enum Message {
    /// A request: a method and an id.
    Request(Value),
    /// An answer (a result or an error) to the request with this id.
    Answer(Value),
    /// `notifications/cancelled`: rmcp sends no answer to the request it names.
    Cancelled(Value),
    Other,
}

fn read(bytes: &[u8]) -> Message {
    let Ok(Value::Object(message)) = serde_json::from_slice::<Value>(bytes) else { return Message::Other };
    match (message.get("method").and_then(Value::as_str), message.get("id")) {
        (Some("notifications/cancelled"), None) => match message.get("params").and_then(|p| p.get("requestId")) {
            Some(id) => Message::Cancelled(id.clone()),
            None => Message::Other,
        },
        (Some(_), Some(id)) => Message::Request(id.clone()),
        (None, Some(id)) if message.contains_key("result") || message.contains_key("error") => Message::Answer(id.clone()),
        _ => Message::Other,
    }
}

/// The JSON-RPC error (-32600, invalid request) for a request reusing `id`.
fn refusal(id: &Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": -32600, "message": format!(
        "request id {id} is in use by a request of this session that has not been answered yet: give each request its own id"
    )}})
}

/// The most a message to `/mcp` may hold: a call's values are at most 10,000 bytes each.
const MAX_MESSAGE_BYTES: usize = 4 << 20;

/// `/mcp`'s guard, in front of rmcp's service: a reused id is answered at once, with HTTP 400.
pub(super) async fn refuse_reused_ids(State(in_flight): State<InFlight>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_MESSAGE_BYTES).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, format!("a message to /mcp is at most {MAX_MESSAGE_BYTES} bytes")).into_response();
    };
    let session = parts.headers.get("mcp-session-id").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let message = read(&bytes);
    let request = Request::from_parts(parts, axum::body::Body::from(bytes));
    // A request with no session opens one (an `initialize`; rmcp refuses anything else): its id
    // belongs to the session it opens, so two clients starting at once, both with id 0, are
    // not one session reusing an id. Holding them in one unnamed session refused one in eight
    // of 32 clients starting together, and every call after it ("Session ID is required").
    if session.is_empty() {
        return next.run(request).await;
    }
    let Message::Request(id) = message else { return next.run(request).await };
    if !in_flight.reserve(&session, &id) {
        return (StatusCode::BAD_REQUEST, [(axum::http::header::CONTENT_TYPE, "application/json")], refusal(&id).to_string()).into_response();
    }
    let reserved = Reserved { in_flight, session, id };
    let response = next.run(request).await;
    // The id stays reserved until the answer is sent: a streamed answer comes after the headers.
    let (parts, body) = response.into_parts();
    let body = body.into_data_stream().map(move |chunk| {
        let _ = &reserved;
        chunk
    });
    Response::from_parts(parts, axum::body::Body::from_stream(body))
}

/// A request id in flight over HTTP, given back when its answer has been sent or its connection
/// closed.
struct Reserved {
    in_flight: InFlight,
    session: String,
    id: Value,
}

impl Drop for Reserved {
    fn drop(&mut self) {
        self.in_flight.release(&self.session, &self.id);
    }
}

/// `ihracat mcp`'s transport: rmcp reads and writes the two ends returned, and the guard relays
/// between them and stdin and stdout, one message a line as the stdio transport frames them. A
/// reused id is refused on stdout without reaching rmcp; an id is given back when rmcp's answer
/// to it goes out, or when the client cancels it (rmcp then sends none). The handle ends once
/// everything rmcp wrote is on stdout: await it before the process exits.
pub(super) fn guarded_stdio() -> (DuplexStream, DuplexStream, JoinHandle<()>) {
    const BUFFER: usize = 1 << 16;
    let in_flight = InFlight::default();
    let (mut to_rmcp, rmcp_reads) = tokio::io::duplex(BUFFER);
    let (rmcp_writes, from_rmcp) = tokio::io::duplex(BUFFER);
    // stdout has one writer, so that a refusal never lands inside one of rmcp's lines.
    let (out, mut lines_out) = mpsc::unbounded_channel::<Vec<u8>>();

    let inbound = {
        let (in_flight, out) = (in_flight.clone(), out.clone());
        async move {
            let mut stdin = BufReader::new(tokio::io::stdin());
            loop {
                let mut line = Vec::new();
                if stdin.read_until(b'\n', &mut line).await? == 0 {
                    // Returning drops `to_rmcp`: rmcp reads the end of its input and ends.
                    return Ok::<_, std::io::Error>(());
                }
                match read(&line) {
                    Message::Request(id) if !in_flight.reserve("", &id) => {
                        let _ = out.send(format!("{}\n", refusal(&id)).into_bytes());
                        continue;
                    }
                    Message::Cancelled(id) => in_flight.release("", &id),
                    _ => {}
                }
                to_rmcp.write_all(&line).await?;
            }
        }
    };
    let end = out.clone();
    let outbound = async move {
        let mut from_rmcp = BufReader::new(from_rmcp);
        loop {
            let mut line = Vec::new();
            if from_rmcp.read_until(b'\n', &mut line).await? == 0 {
                return Ok::<_, std::io::Error>(());
            }
            // Given back before the client can read the answer, so that it may use the id again.
            if let Message::Answer(id) = read(&line) {
                in_flight.release("", &id);
            }
            if out.send(line).is_err() {
                return Ok(());
            }
        }
    };
    tokio::spawn(async move {
        let _ = inbound.await;
    });
    tokio::spawn(async move {
        let _ = outbound.await;
        // rmcp has ended: the writer stops here, whether or not stdin is still open.
        let _ = end.send(Vec::new());
    });
    // The writer ends after everything rmcp wrote, at the outbound relay's end.
    let writer = tokio::spawn(async move {
        let mut stdout = tokio::io::stdout();
        // An empty line is the outbound relay's end (a line read is never empty).
        while let Some(line) = lines_out.recv().await.filter(|line| !line.is_empty()) {
            if stdout.write_all(&line).await.is_err() || stdout.flush().await.is_err() {
                return;
            }
        }
    });
    (rmcp_reads, rmcp_writes, writer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_told_apart_by_their_method_and_id() {
        let request = br#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{}}"#;
        assert_eq!(read(request), Message::Request(json!(7)));
        assert_eq!(read(br#"{"jsonrpc":"2.0","id":"7","result":{}}"#), Message::Answer(json!("7")));
        assert_eq!(read(br#"{"jsonrpc":"2.0","id":7,"error":{"code":-1,"message":"x"}}"#), Message::Answer(json!(7)));
        let cancel = br#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7}}"#;
        assert_eq!(read(cancel), Message::Cancelled(json!(7)));
        assert_eq!(read(br#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#), Message::Other);
        assert_eq!(read(b"not json"), Message::Other);
        assert_eq!(read(br#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#), Message::Other);
    }

    #[test]
    fn an_id_is_held_per_session_and_by_its_json_text() {
        let in_flight = InFlight::default();
        assert!(in_flight.reserve("a", &json!(7)));
        assert!(!in_flight.reserve("a", &json!(7)));
        assert!(in_flight.reserve("a", &json!("7")), "a string id is another id");
        assert!(in_flight.reserve("b", &json!(7)), "another session's ids are its own");
        in_flight.release("a", &json!(7));
        assert!(in_flight.reserve("a", &json!(7)));
    }
}
