//! QUOTH_MODEL_DIR: models loaded from disk, with errors that name the file.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

const SAMPLE: &str = "assets/articles/000_597a4e4c925c446d.txt";

fn quoth() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quoth"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

#[test]
fn missing_model_file_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    quoth()
        .env("QUOTH_MODEL_DIR", dir.path())
        .args(["analyze", "--raw", "--format", "json", SAMPLE])
        .assert()
        .failure()
        .stderr(contains("en.qner"));
}

#[test]
fn corrupt_model_file_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let models = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/models");
    let en = std::fs::read(models.join("en.qner")).expect("bundled en model");
    std::fs::write(dir.path().join("en.qner"), &en).expect("write");
    let mut fr = std::fs::read(models.join("fr.qner")).expect("bundled fr model");
    let last = fr.len() - 100;
    fr[last] ^= 1;
    std::fs::write(dir.path().join("fr.qner"), &fr).expect("write");
    quoth()
        .env("QUOTH_MODEL_DIR", dir.path())
        .args(["analyze", "--raw", "--format", "json", SAMPLE])
        .assert()
        .failure()
        .stderr(contains("fr.qner").and(contains("corrupt")));
}

#[test]
fn models_from_disk_work_like_the_bundled_ones() {
    let out = |dir: Option<&str>| {
        let mut c = quoth();
        c.env_remove("QUOTH_MODEL_DIR");
        if let Some(d) = dir {
            c.env("QUOTH_MODEL_DIR", d);
        }
        c.args(["analyze", "--raw", "--format", "json", SAMPLE])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(out(None), out(Some("assets/models")));
}
