//! Shared by the tests that run the binary.
// Each test binary uses a part of this module.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;

/// The binary, run from `home` and isolated from the real home: no user
/// config, no user state, no inherited NO_COLOR.
pub fn quoth(home: &Path) -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("quoth");
    cmd.current_dir(home)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("QUOTH_DATA_DIR", home.join("data"))
        .env_remove("QUOTH_CONFIG")
        .env_remove("NO_COLOR");
    cmd
}

/// Runs a command, checks its exit code and hands back what it printed:
/// the tests read the output more often than they match it whole.
pub trait Exits {
    fn exits(&mut self, code: i32) -> std::process::Output;
}

impl Exits for assert_cmd::Command {
    fn exits(&mut self, code: i32) -> std::process::Output {
        self.assert().code(code).get_output().clone()
    }
}

/// Writes `text` as `home/config.toml` and gives its path, for `--config`.
pub fn write_config(home: &Path, text: &str) -> std::path::PathBuf {
    let config = home.join("config.toml");
    std::fs::write(&config, text).unwrap();
    config
}
