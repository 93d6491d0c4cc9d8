//! The config as a user meets it: the example file, every kind of mistake
//! (run through the binary), warnings, and the config's location.

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

mod common;
use common::quoth;

use quoth::config::{self, COLOUR_NAMES, Layers, Settings, THEME_ELEMENTS};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn example_config_yields_the_defaults() {
    let path = repo("config.example.toml");
    let bytes = fs::read(&path).unwrap();
    let parsed = config::parse(&path, &bytes).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert!(parsed.bookmarks.is_empty());
    assert_eq!(parsed.settings, Settings::default());
}

/// The commented-out lines of the example are valid too once uncommented,
/// and every theme element is documented.
#[test]
fn example_config_comments_are_valid_settings() {
    let path = repo("config.example.toml");
    let text = fs::read_to_string(&path).unwrap();
    let uncommented: String = text
        .lines()
        .map(|l| {
            let body = l.strip_prefix("# ").unwrap_or(l);
            // Key lines and [[bookmarks]] lines, not the prose.
            let is_setting = body.starts_with('[')
                || body.split_once(" = ").is_some_and(|(k, _)| {
                    !k.contains(' ') || (k.starts_with('"') && k.ends_with('"'))
                });
            if is_setting {
                body.to_string()
            } else {
                String::new()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let parsed = config::parse(&path, uncommented.as_bytes())
        .unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(parsed.bookmarks.len(), 1);
    let b = &parsed.bookmarks[0];
    assert_eq!(b.position, Some(4)); // paragraph = 5, counted from 1
    assert!(b.added.is_some() && b.note.is_some() && b.path.is_some());
    assert_eq!(parsed.feeds.len(), 1);
    let f = &parsed.feeds[0];
    assert!(f.name.is_some() && f.language.is_some() && f.tags.len() == 2);
    let themed: Vec<&str> = parsed.settings.theme.keys().map(String::as_str).collect();
    let mut all = THEME_ELEMENTS.to_vec();
    all.sort_unstable();
    assert_eq!(themed, all, "every theme element documented, no other");
    assert!(!parsed.settings.library.is_empty());
    assert!(!parsed.settings.keys.is_empty());
}

/// The colour names accepted here are the ones the TUI (ratatui) parses.
#[test]
fn colour_names_agree_with_ratatui() {
    use ratatui::style::Color;
    for name in COLOUR_NAMES {
        assert!(Color::from_str(name).is_ok(), "{name}");
    }
    for s in [
        "Light Blue",
        "bright-cyan",
        "dark_grey",
        "silver",
        "#A0b0C0",
    ] {
        assert!(config::is_colour(s), "{s}");
        assert!(Color::from_str(s).is_ok(), "{s}");
    }
    for s in ["purple", "#12345", "light"] {
        assert!(!config::is_colour(s), "{s}");
    }
}

#[test]
fn layers_names_round_trip() {
    for name in Layers::NAMES {
        assert_eq!(Layers::from_str(name).unwrap().as_str(), name);
    }
}

/// Each file in tests/invalid_configs/ is one kind of mistake; its
/// `.expected` sibling is what the user reads (`{file}` = the config path).
#[test]
fn invalid_configs_fail_with_their_message_and_stay_untouched() {
    let dir = repo("tests/invalid_configs");
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "only {} cases", cases.len());
    for case in cases {
        let home = tempfile::tempdir().unwrap();
        let config = home.path().join("config.toml");
        let original = fs::read(&case).unwrap();
        fs::write(&config, &original).unwrap();
        let expected = fs::read_to_string(case.with_extension("expected"))
            .unwrap_or_else(|_| panic!("no .expected for {}", case.display()))
            .replace("{file}", &config.display().to_string());
        for args in [
            &["bookmarks"][..],
            &["bookmarks", "add", "0123", "--title", "T"],
        ] {
            let out = quoth(home.path())
                .arg("--config")
                .arg(&config)
                .args(args)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{}: {stderr}", case.display());
            assert_eq!(stderr, expected, "{}", case.display());
            assert!(out.stdout.is_empty(), "{}", case.display());
            assert_eq!(
                fs::read(&config).unwrap(),
                original,
                "{} was written",
                case.display()
            );
        }
        let names: Vec<_> = fs::read_dir(home.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{}: files created", case.display());
    }
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    fs::write(&config, "width = 80\n\n  layers = = \"all\"\n").unwrap();
    let out = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .arg("bookmarks")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let prefix = format!("quoth: {}:3:12: invalid TOML: ", config.display());
    assert!(stderr.starts_with(&prefix), "{stderr}");
}

#[test]
fn unknown_keys_warn_and_run() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    let text = "width = 80\ncolour = \"red\"\n\n[theme]\nquotes = \"red\"\n\n[[bookmarks]]\nid = \"abc\"\ntitle = \"A story\"\nstars = 5\n";
    fs::write(&config, text).unwrap();
    let out = quoth(home.path())
        .arg("--config")
        .arg(&config)
        .arg("bookmarks")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let c = config.display();
    assert!(
        stderr.contains(&format!(
            "quoth: warning: {c}:2:1: unknown key `colour` (ignored)"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "quoth: warning: {c}:5:1: unknown theme element `theme.quotes`"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "quoth: warning: {c}:10:1: unknown key `bookmarks.stars` (ignored)"
        )),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("abc"));
    assert_eq!(fs::read_to_string(&config).unwrap(), text);
}

#[test]
fn explicit_config_must_exist() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("nope.toml");
    let out = quoth(home.path())
        .arg("--config")
        .arg(&missing)
        .arg("bookmarks")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("quoth: config file {} does not exist\n", missing.display())
    );
    assert!(!missing.exists());
}

#[test]
fn missing_default_config_is_fine_and_not_created() {
    let home = tempfile::tempdir().unwrap();
    let out = quoth(home.path()).arg("bookmarks").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty());
    assert!(!home.path().join(".config").exists());
    // $QUOTH_CONFIG may name a file that does not exist yet, too.
    let env_config = home.path().join("elsewhere/q.toml");
    let out = quoth(home.path())
        .env("QUOTH_CONFIG", &env_config)
        .args(["bookmarks", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
    assert!(!env_config.exists());
}

/// Location order: --config, then $QUOTH_CONFIG, then the XDG config dir.
#[cfg(target_os = "linux")]
#[test]
fn location_order() {
    let home = tempfile::tempdir().unwrap();
    let xdg = home.path().join(".config/quoth/config.toml");
    fs::create_dir_all(xdg.parent().unwrap()).unwrap();
    let entry = |id: &str| format!("[[bookmarks]]\nid = \"{id}\"\ntitle = \"T\"\n");
    fs::write(&xdg, entry("fromxdg")).unwrap();
    let env_config = home.path().join("env.toml");
    fs::write(&env_config, entry("fromenv")).unwrap();
    let flag = home.path().join("flag.toml");
    fs::write(&flag, entry("fromflag")).unwrap();
    let run = |cmd: &mut assert_cmd::Command| {
        String::from_utf8(cmd.arg("bookmarks").output().unwrap().stdout).unwrap()
    };
    assert!(run(&mut quoth(home.path())).starts_with("fromxdg"));
    assert!(run(quoth(home.path()).env("QUOTH_CONFIG", &env_config)).starts_with("fromenv"));
    assert!(
        run(quoth(home.path())
            .env("QUOTH_CONFIG", &env_config)
            .arg("--config")
            .arg(&flag))
        .starts_with("fromflag")
    );
}
