//! Finding the shared data: one variable, a default beside the workspace,
//! a skip that names what is missing, and a failure under `CI=true`.
//! One test, because it sets process-wide variables.

use scoop_gold::shared;
use std::path::Path;

#[test]
fn one_variable_a_default_a_skip_and_a_ci_failure() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().and_then(Path::parent).unwrap();
    std::env::remove_var("CI");

    std::env::remove_var(shared::VAR);
    assert_eq!(shared::dir(), workspace.parent().unwrap().join("shared"));
    std::env::set_var(shared::VAR, "elsewhere/data");
    assert_eq!(shared::dir(), workspace.join("elsewhere/data"), "relative to the workspace root");
    let scratch = tempfile::tempdir().unwrap();
    std::fs::create_dir(scratch.path().join("gold")).unwrap();
    std::env::set_var(shared::VAR, scratch.path());
    assert_eq!(shared::dir(), scratch.path());

    assert_eq!(shared::or_skip("gold"), Some(scratch.path().join("gold")));
    assert_eq!(shared::or_skip("corpus/dev"), None);
    let missing = shared::find("corpus/dev").unwrap_err();
    assert_eq!(missing.path, scratch.path().join("corpus/dev"));
    assert!(missing.to_string().contains("corpus/dev is missing"), "{missing}");

    std::env::set_var("CI", "true");
    let failure = std::panic::catch_unwind(|| shared::or_skip("corpus/dev")).unwrap_err();
    let message = failure.downcast_ref::<String>().unwrap();
    assert!(message.contains("corpus/dev is missing") && message.contains("CI=true"), "{message}");
    assert_eq!(shared::or_skip("gold"), Some(scratch.path().join("gold")));
    std::env::remove_var("CI");
}
