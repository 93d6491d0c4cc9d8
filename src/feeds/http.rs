//! The one HTTP client quoth uses (ureq, rustls): timeouts, a size cap per
//! response, bounded redirects, gzip, conditional requests and a clear
//! User-Agent. Every failure becomes a one-line reason for the user.

use std::io::Read;
use std::time::Duration;

use ureq::ResponseExt;

/// What every request says it is.
pub const USER_AGENT: &str = concat!(
    "quoth/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; feed fetcher)"
);

/// Limits for one client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Whole request, connection to last byte.
    pub timeout: Duration,
    /// Largest body accepted, after decompression.
    pub max_bytes: u64,
    /// Redirects followed before giving up (a loop ends here).
    pub max_redirects: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(20),
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// What a server said last time, sent back so an unchanged resource costs
/// one small request (`If-None-Match`, `If-Modified-Since`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A successful answer.
#[derive(Debug)]
pub enum Fetched {
    /// 304: what we have is current.
    NotModified,
    Body {
        bytes: Vec<u8>,
        /// The address after redirects (relative links resolve against it).
        url: String,
        content_type: Option<String>,
        validators: Validators,
    },
}

/// An HTTP client with quoth's limits.
pub struct Client {
    agent: ureq::Agent,
    /// Without the environment's proxy, for loopback addresses (a proxy
    /// cannot reach this machine's own servers).
    direct: ureq::Agent,
    options: Options,
}

impl Client {
    pub fn new(options: Options) -> Client {
        let build = |proxy: bool| {
            let mut config = ureq::Agent::config_builder()
                .timeout_global(Some(options.timeout))
                .max_redirects(options.max_redirects)
                .http_status_as_error(false)
                .user_agent(USER_AGENT);
            if !proxy {
                config = config.proxy(None);
            }
            ureq::Agent::new_with_config(config.build())
        };
        Client {
            agent: build(true),
            direct: build(false),
            options,
        }
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// GETs `url`, conditionally when `validators` are given. `accept` is
    /// the Accept header. The error is a reason for the user, without the
    /// address (the caller names it).
    pub fn get(
        &self,
        url: &str,
        accept: &str,
        validators: Option<&Validators>,
    ) -> Result<Fetched, String> {
        let parsed = url::Url::parse(url).map_err(|e| format!("bad address: {e}"))?;
        let loopback = match parsed.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
            None => false,
        };
        let agent = if loopback { &self.direct } else { &self.agent };
        let mut req = agent.get(url).header("Accept", accept);
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                req = req.header("If-None-Match", etag);
            }
            if let Some(lm) = &v.last_modified {
                req = req.header("If-Modified-Since", lm);
            }
        }
        let mut resp = req.call().map_err(|e| self.reason(&e))?;
        let status = resp.status();
        if status.as_u16() == 304 {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            return Err(format!("HTTP {} {reason}", status.as_u16())
                .trim_end()
                .to_string());
        }
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let declared = header("content-length").and_then(|l| l.trim().parse::<u64>().ok());
        if let Some(len) = declared
            && len > self.options.max_bytes
            && header("content-encoding").is_none()
        {
            return Err(self.too_large(Some(len)));
        }
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let content_type = header("content-type");
        let final_url = resp.get_uri().to_string();
        let mut bytes = Vec::new();
        resp.body_mut()
            .with_config()
            // Our own cap below gives the clearer message.
            .limit(u64::MAX)
            .reader()
            .take(self.options.max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| self.io_reason(&e))?;
        if bytes.len() as u64 > self.options.max_bytes {
            return Err(self.too_large(None));
        }
        Ok(Fetched::Body {
            bytes,
            url: final_url,
            content_type,
            validators,
        })
    }

    fn too_large(&self, len: Option<u64>) -> String {
        let mb = |b: u64| b as f64 / (1024.0 * 1024.0);
        match len {
            Some(l) => format!(
                "response too large: {:.1} MB (limit {:.0} MB)",
                mb(l),
                mb(self.options.max_bytes)
            ),
            None => format!(
                "response too large: over {:.0} MB",
                mb(self.options.max_bytes)
            ),
        }
    }

    fn timeout(&self) -> String {
        format!(
            "timed out after {} s",
            trim_secs(self.options.timeout.as_secs_f64())
        )
    }

    fn io_reason(&self, e: &std::io::Error) -> String {
        // ureq wraps its own errors (timeouts) in io::Error while reading.
        if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
            return self.reason(inner);
        }
        match e.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => self.timeout(),
            _ => format!("connection broken: {e}"),
        }
    }

    fn reason(&self, e: &ureq::Error) -> String {
        use ureq::Error as E;
        match e {
            E::Timeout(_) => self.timeout(),
            E::TooManyRedirects => format!(
                "too many redirects (more than {}; a redirect loop?)",
                self.options.max_redirects
            ),
            E::RedirectFailed => "a redirect could not be followed".into(),
            E::HostNotFound => "host not found".into(),
            E::ConnectionFailed => "cannot connect".into(),
            E::BodyExceedsLimit(_) => self.too_large(None),
            E::BadUri(u) => format!("bad address: {u}"),
            E::Io(io) => match io.kind() {
                std::io::ErrorKind::ConnectionRefused => {
                    "cannot connect: connection refused".into()
                }
                std::io::ErrorKind::TimedOut => self.timeout(),
                _ => format!("network error: {io}"),
            },
            E::Decompress(_, io) => format!("cannot decompress the response: {io}"),
            other => other.to_string(),
        }
    }
}

/// 1.0 → "1", 0.5 → "0.5".
fn trim_secs(s: f64) -> String {
    let t = format!("{s:.1}");
    t.strip_suffix(".0").map_or(t.clone(), str::to_string)
}
