#!/usr/bin/env python3
"""quoth and newsboat side by side on the same generated stories.

Takes a library made by `examples/library_bench` (folders of 100 `.md`
articles with TOML front matter), writes each folder as an RSS feed for
newsboat (file:// URLs, so nothing is fetched), has newsboat fetch them
into its own cache (`newsboat -x reload`, not timed: like quoth's index,
built once), then runs newsboat in a pseudo-terminal of 160x48 the way a
reader meets it, and times:

- first titles on screen: from launch to its feed list drawn;
- every article listed: the first frame's time plus the time from Enter
  on a query feed holding every article to its article list drawn (quoth's
  figure is from launch to its whole list);
- memory: peak RSS (VmHWM).

It then runs quoth's benchmark (the `open` figures: index built) on the
same library, so both come from one run on the same machine. Standard
library only; needs newsboat (Debian: `apt-get install newsboat`).

    cargo build --release --example library_bench
    target/release/examples/library_bench --sizes 100000 --dir /tmp/qb --no-analysis
    python3 benches/newsboat_side_by_side.py /tmp/qb/lib-100000 [--runs 3] \
        [--quoth-data /tmp/qb/data-100000]
"""

import argparse
import fcntl
import html
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

W, H = 160, 48


def front_matter(text):
    """(title, date, body) of a generated article."""
    _, head, body = text.split("+++", 2)
    title = re.search(r'^title = "(.*)"$', head, re.M).group(1).replace('\\"', '"')
    m = re.search(r"^date = (\d{4})-(\d\d)-(\d\d)", head, re.M)
    date = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), tzinfo=timezone.utc)
    return title, date, body.strip()


def write_feeds(lib, out, count):
    """`count` RSS files (the folders shared out in order; 0: one per
    folder); returns their paths and the article count."""
    out.mkdir(parents=True, exist_ok=True)
    folders = sorted(p for p in lib.iterdir() if p.is_dir())
    count = count or len(folders)
    groups = [folders[i * len(folders) // count:(i + 1) * len(folders) // count]
              for i in range(count)]
    feeds, n = [], 0
    for group in groups:
        folder = group[0]
        items = []
        for f in sorted(x for g in group for x in g.glob("*.md")):
            title, date, body = front_matter(f.read_text(encoding="utf-8"))
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
            items.append(
                "<item>"
                f"<title>{html.escape(title)}</title>"
                f"<link>file://{html.escape(str(f))}</link>"
                f"<guid>{html.escape(str(f))}</guid>"
                f"<pubDate>{format_datetime(date)}</pubDate>"
                f"<description>{html.escape(paras)}</description>"
                "</item>"
            )
        n += len(items)
        path = out / f"{folder.name}.xml"
        path.write_text(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>News {folder.name}</title><link>file://{folder}</link>"
            f"<description>generated</description>{''.join(items)}</channel></rss>",
            encoding="utf-8",
        )
        feeds.append(path)
    return feeds, n


def newsboat_args(home):
    return [
        "newsboat",
        "-u", str(home / "urls"),
        "-c", str(home / "cache.db"),
        "-C", str(home / "config"),
    ]


def prepare(lib, home, count):
    """Feeds, urls (a query feed of every article first), config, cache."""
    home.mkdir(parents=True, exist_ok=True)
    started = time.time()
    feeds, n = write_feeds(lib, home / "feeds", count)
    print(f"  {len(feeds)} feeds, {n} articles written in {time.time() - started:.0f} s")
    (home / "urls").write_text(
        '"query:Every article:unread = \\"yes\\" or unread = \\"no\\""\n'
        + "".join(f"file://{p}\n" for p in feeds),
        encoding="utf-8",
    )
    (home / "config").write_text(
        "auto-reload no\nreload-threads 2\nshow-read-feeds yes\n"
        "confirm-exit no\nmax-items 0\n",
        encoding="utf-8",
    )
    started = time.time()
    subprocess.run(newsboat_args(home) + ["-x", "reload"], check=True,
                   stdout=subprocess.DEVNULL)
    print(f"  newsboat's cache built in {time.time() - started:.0f} s "
          f"({(home / 'cache.db').stat().st_size / 1e6:.0f} MB)")
    return n, len(feeds)


def peak_rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class Screen:
    """newsboat in a pseudo-terminal; what it writes, as text."""

    def __init__(self, home):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", H, W, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(newsboat_args(home), stdin=slave, stdout=slave,
                                     stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.seen = b""

    def wait_for(self, pattern, timeout=600):
        """Seconds since launch when `pattern` (bytes regex) has been written."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if rx.search(self.seen):
                return time.monotonic() - self.started
            r, _, _ = select.select([self.master], [], [], 0.05)
            if r:
                try:
                    self.seen += os.read(self.master, 1 << 16)
                except OSError:
                    break
        raise RuntimeError(f"newsboat never showed {pattern!r}; last output: {self.seen[-400:]!r}")

    def quiet(self, for_s=0.3):
        """Reads until nothing comes for `for_s` seconds."""
        while select.select([self.master], [], [], for_s)[0]:
            try:
                self.seen += os.read(self.master, 1 << 16)
            except OSError:
                return

    def send(self, keys):
        """Seconds since launch when the keys were sent."""
        self.seen = b""
        os.write(self.master, keys)
        return time.monotonic() - self.started

    def close(self):
        try:
            os.write(self.master, b"Q")
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.master)


def newsboat_once(home):
    s = Screen(home)
    try:
        first = s.wait_for(rb"Your feeds")
        s.quiet()
        # the list's own time, added to the first frame's: the quiet
        # wait in between is the benchmark's, not newsboat's
        sent = s.send(b"\r")
        drawn = s.wait_for(rb"Articles in feed 'Every article' \(\d+ unread, \d+ total\)")
        listed = first + drawn - sent
        s.quiet()
        rss = peak_rss_mb(s.proc.pid)
    finally:
        s.close()
    return first * 1000, listed * 1000, rss


def quoth_child(bench, phase, lib, data):
    """Figures of one phase of library_bench; MARK lines timed from launch."""
    started = time.monotonic()
    proc = subprocess.Popen([str(bench), "--child", phase, str(lib), str(data), "no-analysis"],
                            stdout=subprocess.PIPE, text=True)
    figures = {}
    for line in proc.stdout:
        k, _, v = line.strip().partition(" ")
        if k == "MARK":
            figures[v] = (time.monotonic() - started) * 1000
        else:
            try:
                figures[k] = float(v)
            except ValueError:
                pass
    if proc.wait() != 0:
        raise RuntimeError(f"library_bench {phase} failed")
    return figures


def quoth_once(bench, lib, data):
    """quoth's figures with its index built (library_bench's `open`)."""
    return quoth_child(bench, "open", lib, data)


def load():
    return float(Path("/proc/loadavg").read_text().split()[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("library", type=Path, help="a library made by examples/library_bench")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bench", type=Path, default=Path("target/release/examples/library_bench"))
    ap.add_argument("--feeds", type=int, default=0,
                    help="how many feeds the articles are shared among (default: one per folder)")
    ap.add_argument("--keep", action="store_true", help="keep newsboat's feeds and cache")
    ap.add_argument("--quoth-data", type=Path,
                    help="a data folder whose index library_bench already built on this library")
    args = ap.parse_args()
    if not shutil.which("newsboat"):
        sys.exit("newsboat is not installed (Debian: apt-get install newsboat)")
    lib = args.library.resolve()
    home = lib.parent / "newsboat-home"
    version = subprocess.run(["newsboat", "--version"], capture_output=True,
                             text=True).stdout.splitlines()[0]
    print(f"{version} and quoth on {lib} ({os.cpu_count()} cores)")
    try:
        n, nfeeds = prepare(lib, home, args.feeds)
        # quoth's index, built once (as newsboat's cache)
        data = args.quoth_data or home / "quoth-data"
        if not args.quoth_data:
            data.mkdir(parents=True, exist_ok=True)
            started = time.time()
            quoth_child(args.bench, "first-build", lib, data)
            print(f"  quoth's index built in {time.time() - started:.0f} s")
        rows = []
        for i in range(args.runs):
            before = load()
            nb = newsboat_once(home)
            q = quoth_once(args.bench, lib, data)
            rows.append((before, nb, q))
            print(f"  run {i + 1} (load {before:.1f}): newsboat first titles {nb[0]:.0f} ms, "
                  f"all listed {nb[1]:.0f} ms, peak RSS {nb[2]:.0f} MB; quoth first frame "
                  f"{q.get('first_frame_ms', float('nan')):.0f} ms, all listed "
                  f"{q.get('listed_ms', float('nan')):.0f} ms, RSS "
                  f"{q.get('rss_mb', float('nan')):.0f} MB (peak {q.get('rss_peak_mb', float('nan')):.0f})")

        def rng(vals):
            return f"{min(vals):,.0f}–{max(vals):,.0f}" if len(vals) > 1 else f"{vals[0]:,.0f}"

        if not rows:
            return
        print(f"\n{n:,} articles in {nfeeds:,} feeds, {len(rows)} runs, load average {rng([r[0] for r in rows])}:")
        print(f"  {'':28} {'quoth':>16} {'newsboat':>16}")
        print(f"  {'first titles on screen, ms':28} "
              f"{rng([r[2]['first_frame_ms'] for r in rows]):>16} {rng([r[1][0] for r in rows]):>16}")
        print(f"  {'every article listed, ms':28} "
              f"{rng([r[2]['listed_ms'] for r in rows]):>16} {rng([r[1][1] for r in rows]):>16}")
        print(f"  {'memory (peak RSS), MB':28} "
              f"{rng([r[2]['rss_peak_mb'] for r in rows]):>16} {rng([r[1][2] for r in rows]):>16}")
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
