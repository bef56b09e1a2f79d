//! Never lose a design: a killed app's edits come back, files changed on disk are offered
//! for reload without losing edits, hostile files are refused cleanly.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

use std::io::{BufRead as _, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use egui_kittest::Harness;
use eksplain::app::EksplainApp;
use eksplain::io;
use eksplain::model::{Edit, Point};

fn harness(app: EksplainApp) -> Harness<'static, EksplainApp> {
    Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(
            |ui, app: &mut EksplainApp| app.frame_ui(ui),
            app.with_native_dialogs(false),
        )
}

/// The child half of the kill test: edits a design, waits for the autosave, then hangs
/// until it is killed. Run only by `killed_app_edits_are_recovered`.
#[test]
#[ignore = "run as a child process by killed_app_edits_are_recovered"]
fn child_edits_then_waits_to_be_killed() {
    let Some(dir) = std::env::var_os("EKSPLAIN_TEST_RECOVERY") else {
        return;
    };
    let path = PathBuf::from(dir).join("recovery.ron");
    let app = EksplainApp::with_preset("public").with_recovery_path(path.clone());
    let mut h = harness(app);
    h.run_steps(2);
    h.state_mut().push_edit(Edit::Move {
        ids: vec!["node-a".into()],
        delta: Point::new(0.0, -40.0),
    });
    h.state_mut().push_edit(Edit::Delete(vec!["igw".into()]));
    for _ in 0..100 {
        h.run_steps(1);
        if path.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    println!("ready");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

#[test]
fn killed_app_edits_are_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_edits_then_waits_to_be_killed",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("EKSPLAIN_TEST_RECOVERY", dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|l| l.contains("ready"));
    assert!(ready, "the child never got ready");
    // SIGKILL: no destructor, no clean shutdown.
    child.kill().unwrap();
    child.wait().unwrap();
    let path = dir.path().join("recovery.ron");
    let file = io::recovery::read(&path).expect("a recovery file").unwrap();
    assert_eq!(file.source, "preset public");
    let mut app = EksplainApp::with_preset("public-private").with_recovery_path(path.clone());
    app.offer_recovery(file);
    let mut h = harness(app);
    h.run_steps(2);
    assert!(h.state().recovery_offered());
    h.state_mut().answer_recovery(true);
    h.run_steps(2);
    let d = h.state().design();
    assert!(d.component("igw").is_none(), "the delete came back");
    let (original, _) = io::PRESETS[0].load().unwrap();
    let moved = d.component("node-a").unwrap().pos;
    assert!((moved.y - (original.component("node-a").unwrap().pos.y - 40.0)).abs() < 1e-3);
    assert!(h.state().is_dirty(), "restored work is unsaved work");
}

#[test]
fn a_file_changed_on_disk_is_offered_for_reload_and_edits_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.ron");
    let (design, _) = io::PRESETS[0].load().unwrap();
    io::save(&design, &file).unwrap();
    let app = EksplainApp::with_file(&file).with_recovery_path(dir.path().join("recovery.ron"));
    let mut h = harness(app);
    h.run_steps(2);
    h.state_mut().push_edit(Edit::Delete(vec!["node-b".into()]));
    h.run_steps(2);
    // Someone pulls a new version.
    let mut theirs = design.clone();
    theirs.title = "changed by a git pull".into();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    io::save(&theirs, &file).unwrap();
    for _ in 0..40 {
        h.run_steps(1);
        if h.state().changed_on_disk().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(h.state().changed_on_disk(), Some(file.as_path()));
    h.state_mut().answer_reload(true);
    h.run_steps(2);
    assert_eq!(h.state().design().title, "changed by a git pull");
    // The edits were kept beside the file.
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains(".unsaved-"))
        .collect();
    assert_eq!(kept.len(), 1);
    let (mine, _) = io::load(&kept[0]).unwrap();
    assert!(mine.component("node-b").is_none());
}

#[test]
fn a_failed_save_keeps_the_old_file_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.ron");
    let (design, _) = io::PRESETS[0].load().unwrap();
    io::save(&design, &file).unwrap();
    let before = std::fs::read(&file).unwrap();
    let app = EksplainApp::with_file(&file).with_recovery_path(dir.path().join("recovery.ron"));
    let mut h = harness(app);
    h.run_steps(2);
    h.state_mut().push_edit(Edit::Delete(vec!["nat".into()]));
    h.run_steps(2);
    // A full disk, simulated: the temporary file beside the target cannot be created.
    std::fs::create_dir(
        dir.path()
            .join(format!(".d.ron.{}.tmp", std::process::id())),
    )
    .unwrap();
    h.state_mut()
        .push_command(eksplain::ui::command::AppCommand::Save);
    h.run_steps(2);
    let status = h.state().status().unwrap().clone();
    assert!(
        status.is_error && status.text.contains("left unchanged"),
        "{status:?}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(
        h.state().is_dirty(),
        "the edit is still there to save again"
    );
}

#[test]
fn a_panic_writes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recovery.ron");
    let mut h = harness(EksplainApp::with_preset("private").with_recovery_path(path.clone()));
    h.run_steps(2);
    h.state_mut()
        .push_edit(Edit::Delete(vec!["bastion".into()]));
    h.run_steps(2);
    // The edit is recent: the timed autosave has not run yet, the panic must write it.
    assert!(!path.exists());
    eksplain::app::install_panic_hook(h.state().panic_snapshot(), path.clone());
    let result = std::panic::catch_unwind(|| panic!("a bug in the UI"));
    assert!(result.is_err());
    let file = io::recovery::read(&path)
        .expect("written by the panic hook")
        .unwrap();
    assert!(file.design.component("bastion").is_none());
}
