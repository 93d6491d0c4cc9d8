//! A small HTTP/1.1 server on 127.0.0.1 for the feed tests and the
//! benchmark: each test starts its own, answers from a handler, records the
//! requests (so a test can check conditional headers), and stops when
//! dropped, or by itself after [`LIFETIME`]. Nothing here reaches outside
//! the machine.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A server stops accepting after this long, whatever happens.
pub const LIFETIME: Duration = Duration::from_secs(300);

/// One request as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub path: String,
    /// Names lowercased.
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A body: bytes, or `len` copies of one byte streamed without being held.
#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Vec<u8>),
    Repeat { byte: u8, len: u64 },
}

/// An answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
    /// Waited before answering (a slow server).
    pub delay: Duration,
    /// Send no Content-Length (the body ends when the connection closes).
    pub no_length: bool,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: Body::Bytes(body.into()),
            delay: Duration::ZERO,
            no_length: false,
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), "text/plain".into())],
            body: Body::Bytes(format!("status {status}\n").into_bytes()),
            delay: Duration::ZERO,
            no_length: false,
        }
    }

    pub fn redirect(to: &str) -> Reply {
        Reply::status(302).header("Location", to)
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn delayed(mut self, d: Duration) -> Reply {
        self.delay = d;
        self
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

/// A running server. Dropping it stops it.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    /// Starts a server on an ephemeral port of 127.0.0.1.
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("cannot bind 127.0.0.1");
        let addr = listener.local_addr().expect("bound address");
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let (stop2, requests2) = (Arc::clone(&stop), Arc::clone(&requests));
        std::thread::spawn(move || {
            let started = Instant::now();
            for conn in listener.incoming() {
                if stop2.load(Ordering::Relaxed) || started.elapsed() > LIFETIME {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (handler, requests) = (Arc::clone(&handler), Arc::clone(&requests2));
                std::thread::spawn(move || serve(conn, &*handler, &requests));
            }
        });
        Server {
            addr,
            stop,
            requests,
        }
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn serve(conn: TcpStream, handler: &Handler, requests: &Mutex<Vec<Request>>) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = conn.set_write_timeout(Some(Duration::from_secs(5)));
    let Ok(read_half) = conn.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half.take(64 * 1024));
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let path = parts.next().unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let req = Request {
        method,
        path,
        headers,
    };
    if let Ok(mut r) = requests.lock() {
        r.push(req.clone());
    }
    let reply = handler(&req);
    if !reply.delay.is_zero() {
        std::thread::sleep(reply.delay);
    }
    let _ = write_reply(&conn, &reply);
    let _ = conn.shutdown(Shutdown::Both);
}

fn write_reply(mut conn: &TcpStream, reply: &Reply) -> std::io::Result<()> {
    let len = match &reply.body {
        Body::Bytes(b) => b.len() as u64,
        Body::Repeat { len, .. } => *len,
    };
    let mut head = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !reply.no_length {
        head.push_str(&format!("Content-Length: {len}\r\n"));
    }
    head.push_str("Connection: close\r\n\r\n");
    conn.write_all(head.as_bytes())?;
    match &reply.body {
        Body::Bytes(b) => conn.write_all(b)?,
        Body::Repeat { byte, len } => {
            let chunk = vec![*byte; 64 * 1024];
            let mut left = *len;
            while left > 0 {
                let n = left.min(chunk.len() as u64) as usize;
                conn.write_all(&chunk[..n])?;
                left -= n as u64;
            }
        }
    }
    conn.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
