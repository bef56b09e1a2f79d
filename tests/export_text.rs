//! Exports draw every script with the installed fonts, in the screen's weight, scale large
//! diagrams down to fit, and write PDF.
#![allow(
    clippy::unwrap_used,
    clippy::allow_attributes,
    reason = "tests fail loudly"
)]

mod common;

use common::{eksplain, preset_path};

use eksplain::engine::analyze;
use eksplain::io::PRESETS;
use eksplain::model::Design;
use eksplain::render::export::{ExportFormat, ExportOptions, MAX_PNG_SIDE, export_bytes};
use eksplain::render::{Palette, Theme, fonts};

fn export(d: &Design, format: &ExportFormat) -> eksplain::render::export::Exported {
    let a = analyze(d, None);
    export_bytes(
        d,
        &a,
        "test.ron",
        format,
        &Palette::of(Theme::Light),
        &ExportOptions::default(),
    )
    .unwrap()
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    (w, h)
}

fn with_labels(title: &str, node_label: &str) -> Design {
    let mut d = PRESETS[1].load().unwrap().0;
    d.title = title.to_owned();
    d.component_mut("node-a").unwrap().label = node_label.to_owned();
    d
}

/// Needs a Korean system font (CI installs fonts-nanum): with one, two designs that differ
/// only in their Hangul text give different pixels; without, both would draw the same
/// empty boxes.
#[test]
fn hangul_and_arrows_draw_as_glyphs_in_png() {
    let hangul: Vec<char> = "워커 노드 → 엔드포인트".chars().collect();
    assert!(
        fonts::missing_glyphs(["워커 노드 →"]).is_empty(),
        "no installed font draws Hangul; install fonts-nanum (fallbacks found: {:?})",
        fonts::fallbacks()
            .iter()
            .map(|f| &f.family)
            .collect::<Vec<_>>()
    );
    let a = export(
        &with_labels("퍼블릭 → 프라이빗", "워커 노드 가"),
        &ExportFormat::Png(1.0),
    );
    let b = export(
        &with_labels("프라이빗 → 퍼블릭", "노드 워커 나"),
        &ExportFormat::Png(1.0),
    );
    assert!(a.notes.is_empty(), "{:?}", a.notes);
    assert_ne!(
        a.bytes, b.bytes,
        "the Hangul labels drew nothing ({hangul:?})"
    );
    // Two renders of the same design are the same bytes.
    let again = export(
        &with_labels("퍼블릭 → 프라이빗", "워커 노드 가"),
        &ExportFormat::Png(1.0),
    );
    assert_eq!(a.bytes, again.bytes);
}

#[test]
fn a_character_no_font_has_is_named_once() {
    // A private-use character: no font draws it.
    let d = with_labels("plain", "node \u{E000}");
    let out = export(&d, &ExportFormat::Svg);
    assert_eq!(out.notes.len(), 1, "{:?}", out.notes);
    assert!(out.notes[0].contains('\u{E000}'));
}

#[test]
fn svg_labels_use_the_screen_weight_and_the_fallback_fonts() {
    let d = PRESETS[1].load().unwrap().0;
    let svg = String::from_utf8(export(&d, &ExportFormat::Svg).bytes).unwrap();
    assert!(
        !svg.contains("font-weight=\"bold\""),
        "every label was bold"
    );
    assert!(svg.contains("font-weight=\"300\""));
    // A fixed list, the same on every machine.
    for family in ["NanumGothic", "Malgun Gothic", "Apple SD Gothic Neo"] {
        assert!(svg.contains(family), "{family} missing from font-family");
    }
}

#[test]
fn a_large_design_is_scaled_down_to_fit_the_png_limit_and_says_so() {
    let d = eksplain::model::generate::large_design(200, 8, 2);
    let out = export(&d, &ExportFormat::Png(4.0));
    let (w, h) = png_size(&out.bytes);
    assert!(w <= MAX_PNG_SIDE && h <= MAX_PNG_SIDE, "{w}×{h}");
    assert!(
        w.max(h) > MAX_PNG_SIDE / 2,
        "scaled only as far as needed: {w}×{h}"
    );
    assert_eq!(out.notes.len(), 1, "{:?}", out.notes);
    assert!(out.notes[0].contains("scaled"), "{:?}", out.notes);
}

#[test]
fn render_writes_a_pdf_that_pdftoppm_draws() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("x.pdf");
    let (code, _, stderr) = eksplain(&[
        "render",
        &preset_path("public"),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    // Real text: the labels are in the file as text, not only as outlines.
    let Ok(out) = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "30", pdf.to_str().unwrap()])
        .arg(dir.path().join("page"))
        .output()
    else {
        // CI installs poppler-utils; a developer machine may not have it.
        eprintln!("pdftoppm is not installed; the PDF was not rasterised");
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("page"))
        .expect("a page image");
    assert!(std::fs::metadata(page.path()).unwrap().len() > 1000);
}

#[test]
fn render_steps_writes_one_image_per_step_with_its_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("walk.svg");
    let (code, stdout, stderr) = eksplain(&[
        "render",
        &preset_path("public"),
        "-o",
        out.to_str().unwrap(),
        "--steps",
        "--flow",
        "kubelet_to_api:node-a",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let d = PRESETS[0].load().unwrap().0;
    let a = analyze(&d, None);
    let flow = a
        .flows
        .iter()
        .find(|f| f.flow == eksplain::engine::FlowKind::KubeletToApi && f.source == "node-a")
        .unwrap();
    assert!(flow.steps.len() >= 3);
    let mut svgs = Vec::new();
    for (i, step) in flow.steps.iter().enumerate() {
        let path = dir.path().join(format!("walk-step{}.svg", i + 1));
        let svg = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{stdout}"));
        // The caption is the step's sentence (escaped as the SVG writes it).
        let first_words: String = step.text.en().chars().take(20).collect();
        let escaped = first_words
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(svg.contains(&escaped), "step {}: {first_words}", i + 1);
        // Only the walked flow is drawn.
        assert!(svg.contains("data-flow=\"kubelet_to_api:node-a\""));
        assert!(!svg.contains("data-flow=\"kubectl_to_api:user\""));
        svgs.push(svg);
    }
    assert_ne!(svgs[0], svgs[1], "each step highlights another part");
    assert!(
        !dir.path()
            .join(format!("walk-step{}.svg", flow.steps.len() + 1))
            .exists()
    );
    let (code, _, stderr) = eksplain(&[
        "render",
        &preset_path("public"),
        "-o",
        out.to_str().unwrap(),
        "--steps",
        "--flow",
        "kubelet_to_api:nope",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no flow kubelet_to_api:nope"), "{stderr}");
}

#[test]
fn render_steps_walks_the_public_kubelet_path_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("walk.svg");
    let (code, _, stderr) = eksplain(&[
        "render",
        &preset_path("public"),
        "-o",
        out.to_str().unwrap(),
        "--steps",
    ]);
    assert_eq!(code, 0, "{stderr}");
    // Nothing is blocked: the walk is node-a's kubelet leaving through NAT and IGW.
    let svg = std::fs::read_to_string(dir.path().join("walk-step1.svg")).unwrap();
    assert!(
        svg.contains("data-flow=\"kubelet_to_api:node-a\""),
        "another flow walked"
    );
    assert!(dir.path().join("walk-step4.svg").exists());
}

/// In Korean, the legend, the zones and the subtitle are Korean, drawn with real glyphs (a
/// Korean system font is installed in CI), in PNG, SVG and PDF.
#[test]
fn exports_in_korean_carry_korean_words_with_real_glyphs() {
    use eksplain::i18n::{Lang, set_current};
    let d = PRESETS[0].load().unwrap().0;
    set_current(Lang::Ko);
    let svg = String::from_utf8(export(&d, &ExportFormat::Svg).bytes).unwrap();
    let png_ko = export(&d, &ExportFormat::Png(1.0));
    set_current(Lang::En);
    let png_en = export(&d, &ExportFormat::Png(1.0));
    for words in ["AWS 클라우드", "엔드포인트 액세스: 퍼블릭", "인터넷을 거침"]
    {
        assert!(svg.contains(words), "{words} missing from the Korean SVG");
    }
    assert!(
        !svg.contains("crosses the internet"),
        "English left in the legend"
    );
    assert!(
        png_ko.notes.is_empty(),
        "glyphs missing: {:?}",
        png_ko.notes
    );
    assert_ne!(png_ko.bytes, png_en.bytes, "the Korean words drew nothing");

    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("ko.pdf");
    let (code, _, stderr) = eksplain(&[
        "--lang",
        "ko",
        "render",
        &preset_path("public"),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let Ok(out) = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
    else {
        eprintln!("pdftotext is not installed; the PDF's text was not read");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("엔드포인트 액세스"),
        "the PDF has no Korean text: {text}"
    );
}
