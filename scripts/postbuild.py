#!/usr/bin/env python3
"""Trunk post-build hook: makes a build servable under a strict CSP, precompressed.

1. Trunk writes its wasm loader as an inline <script type="module"> in the HTML. The CSP
   allows no inline script, so the script moves to `boot-<hash16>.js` (hashed like Trunk's
   own assets, so it is cached as immutable) and the HTML loads it by URL. The page's first
   API reads (`assets/first-reads.js`) go at its top, so they start while the wasm downloads.
2. Every hashed asset (.js, .wasm, .css) gets `.gz` (gzip -9) and `.br` (brotli -q 11)
   siblings, which nginx (gzip_static, brotli_static) and the sandbox serve as they are.

Runs in $TRUNK_STAGING_DIR; without it, on the directory given as the first argument.
"""
import gzip
import hashlib
import os
import re
import subprocess
import sys

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "first-reads.js"),
          encoding="utf-8") as _f:
    # Whole-line comments stay in the source, not in every visitor's download.
    FIRST_READS = "".join(line for line in _f if not line.lstrip().startswith("//"))

INLINE_MODULE = re.compile(r'<script type="module">(.*?)</script>', re.DOTALL)
HASHED = re.compile(r"-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$")


def extract_boot_script(html_path: str, public_url: str) -> None:
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    scripts = INLINE_MODULE.findall(html)
    if not scripts:
        return
    if len(scripts) > 1:
        sys.exit(f"postbuild: {html_path} has {len(scripts)} inline module scripts; expected one")
    body = FIRST_READS + scripts[0].strip() + "\n"
    name = f"boot-{hashlib.sha256(body.encode()).hexdigest()[:16]}.js"
    with open(os.path.join(os.path.dirname(html_path), name), "w", encoding="utf-8") as f:
        f.write(body)
    tag = f'<script type="module" src="{public_url}{name}"></script>'
    html = INLINE_MODULE.sub(lambda _: tag, html)
    if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
        sys.exit(f"postbuild: {html_path} still has an inline script")
    with open(html_path, "w", encoding="utf-8") as f:
        f.write(html)


def precompress(path: str) -> None:
    with open(path, "rb") as f:
        data = f.read()
    with open(path + ".gz", "wb") as f:
        # mtime=0: the same input gives the same bytes.
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    subprocess.run(["brotli", "-f", "-q", "11", "-o", path + ".br", path], check=True)


def main() -> None:
    root = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
    if not root:
        sys.exit("postbuild: set TRUNK_STAGING_DIR or pass the build directory")
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    if not public_url.endswith("/"):
        public_url += "/"
    for name in os.listdir(root):
        if name.endswith(".html"):
            extract_boot_script(os.path.join(root, name), public_url)
    for name in os.listdir(root):
        if HASHED.search(name):
            precompress(os.path.join(root, name))


if __name__ == "__main__":
    main()
