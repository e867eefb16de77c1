//! How a sync reaches another repository: the three things it asks of a remote (fetch refs
//! into the quarantine, list the remote's refs, push refs fast-forward) over one of two
//! transports.
//!
//! A local path (or `file://`) is reached in-process by libgit2: no credentials, no network,
//! no outside program. Everything else — `https://`, `ssh://`, `user@host:path`, `git://`, a
//! remote named in the store's git config — goes through the system `git`, as cargo's
//! `net.git-fetch-with-cli` does, so that a remote works exactly as it works for `git fetch`:
//! credential helpers, ssh-agent and `~/.ssh/config`, `core.sshCommand`, proxies,
//! `GIT_SSL_CAINFO`, `url.*.insteadOf`. drafttrail still does everything that needs trusting:
//! `git` only moves objects into the quarantine and reports what a push did; the checks and
//! the ref moves stay in [`super::sync`].
//!
//! Non-interactive runs never prompt (`GIT_TERMINAL_PROMPT=0`, and ssh in batch mode unless
//! the user chose an ssh command): a wrong password or key is one error, never a hang.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::error::{Error, Result};

/// A remote and how to reach it.
pub(super) enum Transport {
    /// A local repository, reached by libgit2 at this path or `file://` URL.
    Local(String),
    /// Anything else, reached by the system `git`; the remote as the user gave it (a URL or a
    /// configured remote's name), so that git applies its own configuration.
    GitCli {
        remote: String,
        /// Whether git and ssh may ask the user for a password or passphrase.
        prompts: bool,
    },
}

impl Transport {
    /// Chooses the transport for `remote`: a configured remote's name resolves through its URL.
    pub(super) fn for_remote(repo: &git2::Repository, remote: &str, prompts: bool) -> Transport {
        let url = repo
            .find_remote(remote)
            .ok()
            .and_then(|r| r.url().ok().map(str::to_owned));
        match url {
            Some(url) if is_local(&url) => Transport::Local(url),
            Some(_) => Transport::GitCli {
                remote: remote.to_owned(),
                prompts,
            },
            None if is_local(remote) => Transport::Local(remote.to_owned()),
            None => Transport::GitCli {
                remote: remote.to_owned(),
                prompts,
            },
        }
    }

    /// Fetches `specs` from the remote (objects and the refs they name; no tags, no
    /// FETCH_HEAD). Fetched objects are checked by git (`transfer.fsckObjects`) on the
    /// `git` transport.
    pub(super) fn fetch(&self, repo: &git2::Repository, specs: &[&str], shown: &str) -> Result<()> {
        match self {
            Transport::Local(url) => {
                let mut r = repo
                    .remote_anonymous(url)
                    .map_err(remote_error(shown, "opening"))?;
                let mut fetch = git2::FetchOptions::new();
                fetch.download_tags(git2::AutotagOption::None);
                r.fetch(specs, Some(&mut fetch), None)
                    .map_err(remote_error(shown, "fetching from"))
            }
            Transport::GitCli { remote, prompts } => {
                // Objects and refs synced to disk as git writes them (git's default leaves
                // loose objects unsynced).
                let mut args = vec![
                    "-c",
                    "core.fsync=committed",
                    "-c",
                    "transfer.fsckObjects=true",
                    "-c",
                    "gc.auto=0",
                    "-c",
                    "maintenance.auto=false",
                    "fetch",
                    "--quiet",
                    "--no-tags",
                    "--no-write-fetch-head",
                    "--no-recurse-submodules",
                    "--",
                    remote,
                ];
                args.extend_from_slice(specs);
                let out = run_git(repo.path(), &args, *prompts, shown, "fetching from")?;
                if out.status.success() {
                    Ok(())
                } else {
                    Err(git_failed(shown, "fetching from", &out.stderr))
                }
            }
        }
    }

    /// The remote's refs and where they point.
    pub(super) fn list(
        &self,
        repo: &git2::Repository,
        shown: &str,
    ) -> Result<BTreeMap<String, git2::Oid>> {
        match self {
            Transport::Local(url) => {
                let mut r = repo
                    .remote_anonymous(url)
                    .map_err(remote_error(shown, "opening"))?;
                r.connect(git2::Direction::Push)
                    .map_err(remote_error(shown, "connecting to"))?;
                let refs = r
                    .list()
                    .map_err(remote_error(shown, "listing"))?
                    .iter()
                    .map(|h| (h.name().to_owned(), h.oid()))
                    .collect();
                r.disconnect()
                    .map_err(remote_error(shown, "connecting to"))?;
                Ok(refs)
            }
            Transport::GitCli { remote, prompts } => {
                let args = ["ls-remote", "--refs", "--", remote.as_str()];
                let out = run_git(repo.path(), &args, *prompts, shown, "listing")?;
                if !out.status.success() {
                    return Err(git_failed(shown, "listing", &out.stderr));
                }
                let text = String::from_utf8_lossy(&out.stdout);
                Ok(text
                    .lines()
                    .filter_map(|l| l.split_once('\t'))
                    .filter_map(|(oid, name)| {
                        Some((name.to_owned(), git2::Oid::from_str(oid).ok()?))
                    })
                    .collect())
            }
        }
    }

    /// Pushes `names` (each to the same name on the remote, never forced); returns the refs
    /// the remote rejected, with its reason.
    pub(super) fn push(
        &self,
        repo: &git2::Repository,
        names: &[String],
        shown: &str,
    ) -> Result<Vec<(String, String)>> {
        let specs: Vec<String> = names.iter().map(|n| format!("{n}:{n}")).collect();
        match self {
            Transport::Local(url) => {
                let mut r = repo
                    .remote_anonymous(url)
                    .map_err(remote_error(shown, "opening"))?;
                let mut rejected: Vec<(String, String)> = Vec::new();
                let mut callbacks = git2::RemoteCallbacks::new();
                callbacks.push_update_reference(|name, status| {
                    if let Some(msg) = status {
                        rejected.push((name.to_owned(), msg.to_owned()));
                    }
                    Ok(())
                });
                let mut opts = git2::PushOptions::new();
                opts.remote_callbacks(callbacks);
                let refs: Vec<&str> = specs.iter().map(String::as_str).collect();
                r.push(&refs, Some(&mut opts))
                    .map_err(remote_error(shown, "pushing to"))?;
                drop(opts);
                Ok(rejected)
            }
            Transport::GitCli { remote, prompts } => {
                let mut args = vec!["push", "--porcelain", "--no-verify", "--", remote.as_str()];
                args.extend(specs.iter().map(String::as_str));
                let out = run_git(repo.path(), &args, *prompts, shown, "pushing to")?;
                let statuses = porcelain(&String::from_utf8_lossy(&out.stdout));
                if statuses.is_empty() && !out.status.success() {
                    return Err(git_failed(shown, "pushing to", &out.stderr));
                }
                Ok(statuses
                    .into_iter()
                    .filter(|(_, rejected, _)| *rejected)
                    .map(|(name, _, why)| (name, why))
                    .collect())
            }
        }
    }
}

/// Whether a remote is a local repository: a path, or a `file://` URL. `host:path` is ssh's
/// short form unless a slash comes before the colon (`./a:b`), as git reads it.
fn is_local(remote: &str) -> bool {
    if remote.starts_with("file://") {
        return true;
    }
    if remote.contains("://") {
        return false;
    }
    match (remote.find(':'), remote.find('/')) {
        (Some(colon), Some(slash)) => slash < colon,
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// Runs the system git on the store with `args`: no standard input, output captured,
/// prompts allowed only when `prompts`.
fn run_git(
    store: &Path,
    args: &[&str],
    prompts: bool,
    shown: &str,
    doing: &'static str,
) -> Result<std::process::Output> {
    let mut cmd = Command::new("git");
    cmd.arg("--git-dir")
        .arg(store)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if !prompts {
        cmd.env("GIT_TERMINAL_PROMPT", "0");
        // ssh reads passwords and passphrases from the terminal itself; batch mode makes it
        // fail instead. A user's own ssh command (environment or config) is left as it is.
        let own_ssh = ["GIT_SSH_COMMAND", "GIT_SSH"]
            .iter()
            .any(|v| std::env::var_os(v).is_some())
            || git2::Repository::open_bare(store)
                .and_then(|r| r.config())
                .and_then(|c| c.get_string("core.sshCommand"))
                .is_ok();
        if !own_ssh {
            cmd.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
    }
    cmd.output().map_err(|e| Error::Remote {
        remote: shown.to_owned(),
        doing,
        message: if e.kind() == std::io::ErrorKind::NotFound {
            "this remote is reached with the `git` program, which is not on PATH".into()
        } else {
            format!("cannot run git: {e}")
        },
        source: Some(Box::new(e)),
    })
}

/// The error of a git command that failed: what it said, on one line, without its advice.
fn git_failed(shown: &str, doing: &'static str, stderr: &[u8]) -> Error {
    let text = String::from_utf8_lossy(stderr);
    let mut said: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            // git's advice follows a blank line after the error itself.
            if !said.is_empty() {
                break;
            }
            continue;
        }
        let line = ["fatal: ", "error: "]
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .unwrap_or(line);
        if !said.contains(&line) {
            said.push(line);
        }
    }
    Error::Remote {
        remote: shown.to_owned(),
        doing,
        message: if said.is_empty() {
            "git failed and said nothing".into()
        } else {
            said.join("; ")
        },
        source: None,
    }
}

/// The ref lines of `git push --porcelain`: (remote ref, rejected, why).
fn porcelain(stdout: &str) -> Vec<(String, bool, String)> {
    stdout
        .lines()
        .filter_map(|line| {
            let mut fields = line.splitn(3, '\t');
            let flag = fields.next()?;
            let (_, to) = fields.next()?.split_once(':')?;
            let summary = fields.next().unwrap_or("");
            (flag.len() == 1).then(|| (to.to_owned(), flag == "!", summary.to_owned()))
        })
        .collect()
}

/// Maps a libgit2 error talking to a remote to [`Error::Remote`] (a user error: a path, a
/// URL, a network to fix), keeping libgit2's error as its cause.
pub(super) fn remote_error<'r>(
    shown: &'r str,
    doing: &'static str,
) -> impl Fn(git2::Error) -> Error + 'r {
    move |e| Error::Remote {
        remote: shown.to_owned(),
        doing,
        message: e.message().to_owned(),
        source: Some(Box::new(e)),
    }
}

/// A remote as it may be shown: a password in a URL (`https://user:secret@host/…`) is hidden.
pub fn shown(remote: &str) -> String {
    let Some((scheme, rest)) = remote.split_once("://") else {
        return remote.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match authority.rsplit_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}{}", &rest[authority_end..])
        }
        _ => remote.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{is_local, porcelain, shown};

    #[test]
    fn local_remotes_are_paths_and_file_urls() {
        for local in [
            "../store.git",
            "/srv/store",
            "file:///srv/store",
            "./a:b",
            "store",
        ] {
            assert!(is_local(local), "{local}");
        }
        for remote in [
            "https://example.org/store.git",
            "ssh://git@example.org/store.git",
            "git@example.org:org/store.git",
            "git://example.org/store",
            "host:store",
        ] {
            assert!(!is_local(remote), "{remote}");
        }
    }

    #[test]
    fn passwords_in_urls_are_hidden() {
        assert_eq!(
            shown("https://ann:secret@example.org/s.git"),
            "https://ann:***@example.org/s.git"
        );
        assert_eq!(
            shown("https://ann@example.org/s.git"),
            "https://ann@example.org/s.git"
        );
        assert_eq!(shown("git@host:org/s.git"), "git@host:org/s.git");
        assert_eq!(shown("https://h/a:b@c"), "https://h/a:b@c");
    }

    #[test]
    fn push_porcelain_is_read_ref_by_ref() {
        let out = "To https://example.org/s.git\n\
                   *\trefs/heads/a:refs/heads/a\t[new branch]\n\
                   !\trefs/heads/b:refs/heads/b\t[rejected] (fetch first)\n\
                   Done\n";
        assert_eq!(
            porcelain(out),
            vec![
                ("refs/heads/a".into(), false, "[new branch]".into()),
                (
                    "refs/heads/b".into(),
                    true,
                    "[rejected] (fetch first)".into()
                ),
            ]
        );
    }
}
