//! `sync` with real servers started on localhost: `git daemon`, smart HTTP over TLS (git's
//! `http-backend` behind `tests/hosts/git_https.py`, a self-signed CA, basic authentication
//! through a credential helper) and `sshd` (a test key, the client's own ssh config, a remote
//! named in the store's git config). Each server is found on the machine or the test says it
//! skipped; `.ci/run` installs them.
//!
//! Every wrong credential must end in one `error:` line naming the remote, quickly: the
//! command runs with no terminal and a time limit, so a prompt would be a failure.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{TestEnv, imported};

/// Longer than any sync here needs; a command still running then is waiting for a prompt.
const LIMIT: Duration = Duration::from_secs(60);

/// A server process, killed when the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

fn skip(test: &str, why: &str) {
    eprintln!("skipped {test}: {why}");
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for(port: u16) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < LIMIT, "no server on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn run(program: &str, args: &[&str], dir: &Path) {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A bare repository under `root`, marked as a store, empty.
fn shared_store(root: &Path) -> PathBuf {
    std::fs::create_dir_all(root).unwrap();
    let path = root.join("shared.git");
    run("git", &["init", "-q", "--bare", "shared.git"], root);
    run(
        "git",
        &[
            "--git-dir",
            "shared.git",
            "config",
            "drafttrail.version",
            "1",
        ],
        root,
    );
    path
}

/// Runs drafttrail in `env` on `store` with `args` and extra environment; no terminal, a
/// time limit. Returns (exit code, stdout, stderr).
fn sync_in(
    env: &TestEnv,
    store: &str,
    args: &[&str],
    vars: &[(&str, String)],
) -> (Option<i32>, String, String) {
    let mut cmd = env.cmd();
    cmd.args(["--repo", store]).args(args).timeout(LIMIT);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn assert_one_error_line(stderr: &str, remote: &str, says: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line expected: {stderr}");
    assert!(lines[0].starts_with("error: "), "{stderr}");
    assert!(lines[0].contains(remote), "names the remote: {stderr}");
    assert!(lines[0].contains(says), "says {says:?}: {stderr}");
}

/// Versions and claims of a store, as `log` prints them.
fn log(env: &TestEnv, store: &str) -> String {
    env.ok(&["--repo", store, "log"])
}

/// The round trip every transport must carry: our store pushed to an empty remote, a fresh
/// store filled from it, a claim made there travelling back.
fn round_trip(env: &TestEnv, url: &str, vars: &[(&str, String)]) {
    let (code, out, err) = sync_in(env, "history", &["sync", url], vars);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("pushed 5 ref(s)"), "{out}");

    run("git", &["init", "-q", "--bare", "fresh.git"], env.path());
    let (code, out, err) = sync_in(env, "fresh.git", &["sync", url], vars);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("fetched 5 ref(s)"), "{out}");
    assert_eq!(log(env, "fresh.git"), log(env, "history"));

    env.ok(&[
        "--repo",
        "fresh.git",
        "attribute",
        "europe",
        "--who",
        "Remote Desk",
        "--did",
        "checked point 6",
        "--source",
        "Outlet",
    ]);
    let (code, out, err) = sync_in(env, "fresh.git", &["sync", url], vars);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("pushed 1 ref(s)"), "{out}");
    let (code, _, err) = sync_in(env, "history", &["sync", url], vars);
    assert_eq!(code, Some(0), "{err}");
    assert!(log(env, "history").contains("Remote Desk"));
    env.ok(&["verify"]);
}

#[test]
fn sync_over_git_daemon() {
    let env = imported();
    let srv = env.path().join("srv");
    let shared = shared_store(&srv);
    let port = free_port();
    // git-daemon itself, not `git daemon`: killing the wrapper would leave the daemon running.
    let exec_path = Command::new("git")
        .arg("--exec-path")
        .output()
        .unwrap()
        .stdout;
    let exec_path = PathBuf::from(String::from_utf8(exec_path).unwrap().trim());
    let _daemon = Server(
        Command::new(exec_path.join("git-daemon"))
            .args(["--reuseaddr", "--export-all", "--enable=receive-pack"])
            .arg(format!("--base-path={}", srv.display()))
            .arg(format!("--port={port}"))
            .arg("--listen=127.0.0.1")
            .arg(&srv)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for(port);
    let url = format!("git://127.0.0.1:{port}/shared.git");
    round_trip(&env, &url, &[]);

    // What a remote says is checked on this transport too: a track at a blob is refused.
    let blob = env.path().join("blob");
    std::fs::write(&blob, "not a version\n").unwrap();
    let out = Command::new("git")
        .args(["--git-dir", shared.to_str().unwrap(), "hash-object", "-w"])
        .arg(&blob)
        .output()
        .unwrap();
    let oid = String::from_utf8(out.stdout).unwrap();
    std::fs::write(shared.join("refs/heads/us"), oid).unwrap();
    let before = env.refs();
    let (code, _, err) = sync_in(&env, "history", &["sync", &url], &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("refused refs/heads/us") && err.contains("a blob"),
        "{err}"
    );
    assert_eq!(env.refs(), before);

    let gone = format!("git://127.0.0.1:{port}/absent.git");
    let (code, _, err) = sync_in(&env, "history", &["sync", &gone], &[]);
    assert_eq!(code, Some(1));
    assert_one_error_line(&err, &gone, "not exported");
}

/// A CA and a certificate for 127.0.0.1 signed by it, made with the openssl command.
fn certificates(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    ca.extend(["-keyout", "ca.key", "-out", "ca.pem", "-days", "2"]);
    ca.extend(["-subj", "/CN=drafttrail test CA"]);
    run("openssl", &ca, dir);
    let mut csr = vec!["req"];
    csr.extend(ec);
    csr.extend([
        "-keyout",
        "srv.key",
        "-out",
        "srv.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    run("openssl", &csr, dir);
    std::fs::write(
        dir.join("ext.cnf"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n",
    )
    .unwrap();
    run(
        "openssl",
        &[
            "x509",
            "-req",
            "-in",
            "srv.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "srv.pem",
            "-days",
            "2",
            "-extfile",
            "ext.cnf",
        ],
        dir,
    );
    (dir.join("ca.pem"), dir.join("srv.pem"), dir.join("srv.key"))
}

#[test]
fn sync_over_https_with_a_credential_helper() {
    if !have("python3") || !have("openssl") {
        return skip("the https test", "python3 or openssl is not installed");
    }
    let env = imported();
    let srv = env.path().join("srv");
    shared_store(&srv);
    let tls = env.path().join("tls");
    std::fs::create_dir_all(&tls).unwrap();
    let (ca, cert, key) = certificates(&tls);
    let port_file = env.path().join("port");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hosts/git_https.py");
    let _server = Server(
        Command::new("python3")
            .arg(script)
            .args([&srv, &cert, &key])
            .args(["ann", "s3cret"])
            .arg(&port_file)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let start = Instant::now();
    while !port_file.exists() {
        assert!(start.elapsed() < LIMIT, "the https server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let port = std::fs::read_to_string(&port_file).unwrap();
    let url = format!("https://127.0.0.1:{port}/shared.git");
    let helper = |password: &str| {
        let file = env.path().join(format!("credentials-{password}"));
        std::fs::write(&file, format!("https://ann:{password}@127.0.0.1:{port}\n")).unwrap();
        vec![
            ("GIT_SSL_CAINFO", ca.display().to_string()),
            ("GIT_CONFIG_COUNT", "1".to_owned()),
            ("GIT_CONFIG_KEY_0", "credential.helper".to_owned()),
            (
                "GIT_CONFIG_VALUE_0",
                format!("store --file={}", file.display()),
            ),
        ]
    };
    round_trip(&env, &url, &helper("s3cret"));

    let before = env.refs();
    let (code, _, err) = sync_in(&env, "history", &["sync", &url], &helper("wrong"));
    assert_eq!(code, Some(1));
    assert_one_error_line(&err, &url, "Authentication failed");
    // No helper at all: git would ask for a user name; with no terminal it must not.
    let ca_only = [("GIT_SSL_CAINFO", ca.display().to_string())];
    let (code, _, err) = sync_in(&env, "history", &["sync", &url], &ca_only);
    assert_eq!(code, Some(1));
    assert_one_error_line(&err, &url, "127.0.0.1");
    // Without the CA the server is not trusted.
    let (code, _, err) = sync_in(&env, "history", &["sync", &url], &[]);
    assert_eq!(code, Some(1));
    assert_one_error_line(&err, &url, "certificate");
    assert_eq!(env.refs(), before);

    // A password written into the URL works, and is never printed.
    let with_password = format!("https://ann:s3cret@127.0.0.1:{port}/shared.git");
    let (code, out, err) = sync_in(&env, "history", &["sync", &with_password], &ca_only);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("ann:***@") && !out.contains("s3cret"), "{out}");
    let wrong = format!("https://ann:guess@127.0.0.1:{port}/shared.git");
    let (code, _, err) = sync_in(&env, "history", &["sync", &wrong], &ca_only);
    assert_eq!(code, Some(1));
    assert!(!err.contains("guess"), "{err}");
    assert_one_error_line(&err, "ann:***@127.0.0.1", "Authentication failed");
}

#[test]
fn sync_over_ssh_with_a_named_remote_and_the_users_ssh_config() {
    let sshd = Path::new("/usr/sbin/sshd");
    if !sshd.exists() || !have("ssh-keygen") {
        return skip("the ssh test", "openssh-server is not installed");
    }
    let env = imported();
    let srv = env.path().join("srv");
    let shared = shared_store(&srv);
    let dir = env.path().join("ssh");
    std::fs::create_dir_all(&dir).unwrap();
    for key in ["host_key", "user_key", "other_key"] {
        run(
            "ssh-keygen",
            &["-q", "-t", "ed25519", "-N", "", "-f", key],
            &dir,
        );
    }
    std::fs::copy(dir.join("user_key.pub"), dir.join("authorized_keys")).unwrap();
    let port = free_port();
    let d = dir.display();
    std::fs::write(
        dir.join("sshd_config"),
        format!(
            "ListenAddress 127.0.0.1\nPort {port}\nHostKey {d}/host_key\n\
             AuthorizedKeysFile {d}/authorized_keys\nPidFile {d}/sshd.pid\nStrictModes no\n\
             UsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        ),
    )
    .unwrap();
    // sshd wants its privilege-separation folder; only root can make it.
    let _ = std::fs::create_dir_all("/run/sshd");
    let mut server = Command::new(sshd)
        .arg("-D")
        .arg("-f")
        .arg(dir.join("sshd_config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = server.try_wait() {
            return skip("the ssh test", &format!("sshd could not start ({status})"));
        }
        assert!(start.elapsed() < LIMIT, "sshd did not listen");
        std::thread::sleep(Duration::from_millis(50));
    }
    let _server = Server(server);
    let host_key = std::fs::read_to_string(dir.join("host_key.pub")).unwrap();
    std::fs::write(
        dir.join("known_hosts"),
        format!("[127.0.0.1]:{port} {host_key}"),
    )
    .unwrap();
    let user = std::env::var("USER").unwrap_or_else(|_| "root".into());
    let config = |key: &str| {
        std::fs::write(
            dir.join("config"),
            format!(
                "Host newsroom\n  HostName 127.0.0.1\n  Port {port}\n  User {user}\n  \
                 IdentityFile {d}/{key}\n  IdentitiesOnly yes\n  UserKnownHostsFile {d}/known_hosts\n  \
                 StrictHostKeyChecking yes\n"
            ),
        )
        .unwrap();
    };
    config("user_key");
    // The remote is named in the store's git config, as `git remote add` would write it, and
    // reached with the ssh command the store's config names.
    let store = env.store();
    let store = store.to_str().unwrap();
    let ssh_command = format!("ssh -F {d}/config");
    let url = format!("newsroom:{}", shared.display());
    run(
        "git",
        &[
            "--git-dir",
            store,
            "config",
            "core.sshCommand",
            &ssh_command,
        ],
        env.path(),
    );
    run(
        "git",
        &["--git-dir", store, "config", "remote.newsroom.url", &url],
        env.path(),
    );
    let (code, out, err) = sync_in(&env, "history", &["sync", "newsroom"], &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("pushed 5 ref(s) with newsroom"), "{out}");
    let shared_log = env.ok(&["--repo", shared.to_str().unwrap(), "log"]);
    assert_eq!(shared_log, log(&env, "history"));

    config("other_key");
    let before = env.refs();
    let (code, _, err) = sync_in(&env, "history", &["sync", "newsroom"], &[]);
    assert_eq!(code, Some(1));
    assert_one_error_line(&err, "newsroom", "Permission denied");
    assert_eq!(env.refs(), before);
}
