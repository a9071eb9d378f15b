#!/usr/bin/env python3
"""Trunk post-build hook: makes a build servable under a strict CSP, precompressed.

1. Trunk writes its wasm loader as an inline <script type="module"> in the HTML. The CSP
   allows no inline script, so the script moves to `boot-<hash16>.js` (hashed like Trunk's
   own assets, so it is cached as immutable) and the HTML loads it by URL. The page's first
   API reads (`assets/first-reads.js`) go at its top, so they start while the wasm downloads;
   in the full app's boot script the Task Manager preview (`assets/preview.js`) follows
   them, with the catalogue messages it shows (PREVIEW_MESSAGES) copied in.
2. Every language but English (which is compiled into the wasm) gets its catalogue file,
   `<lang>-<hash16>.txt`, compiled by `crates/catalogue` with this build's files (`core`
   for the widget, `core` and `app` for the full app); the boot script is given their
   URLs (`__CATALOGUES__` in `assets/first-reads.js`) and the app fetches only the one it
   speaks.
3. Every hashed asset (.js, .wasm, .css, .txt) gets `.gz` (gzip -9) and `.br` (brotli -q 11)
   siblings, which nginx (gzip_static, brotli_static) and the sandbox serve as they are.

Runs in $TRUNK_STAGING_DIR; without it, on the directory given as the first argument.
"""
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def asset(name: str) -> str:
    with open(os.path.join(ROOT, "assets", name), encoding="utf-8") as f:
        # Whole-line comments stay in the source, not in every visitor's download.
        return "".join(line for line in f if not line.lstrip().startswith("//"))


FIRST_READS = asset("first-reads.js")
PREVIEW = asset("preview.js")

INLINE_MODULE = re.compile(r'<script type="module">(.*?)</script>', re.DOTALL)
# Trunk writes its hash as a number in hex without leading zeros: 16 digits, or fewer one
# time in sixteen. Ours (the boot script, the catalogues) always have 16.
HASHED = re.compile(r"-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|txt)$")
# The full app's loader imports its glue, `my-tasks-<hash>.js`; the widget's is `widget-…`.
FULL_APP = re.compile(r"/my-tasks-[0-9a-f]{1,16}\.js['\"]")

LANGS = ("en", "de", "ar")
# The catalogue files each build speaks (src/i18n/mod.rs: APP_WORDS, WIDGET_WORDS).
APP_FILES = ("core", "app")
WIDGET_FILES = ("core",)
# The messages the preview shows, by catalogue file: the same ids the app's table, cards
# and shell ask for with t!(…), so the words do not change when the app replaces it.
PREVIEW_MESSAGES = {
    "core": ("app-name", "item-no-name", "work-item-type", "error-title", "retry",
             "list-separator"),
    "app": ("nav-dashboard", "nav-task-manager", "tab", "table-label", "column-type",
            "column-name", "column-requester", "column-identity-account", "column-source",
            "column-waiting", "column-completed", "column-actions", "waited-under-a-minute",
            "overdue", "facet-sources", "facet-identities", "facet-accounts", "facet-created",
            "column-outcome", "item-state", "tally-approved", "tally-rejected",
            "tally-undecided"),
}
MESSAGE = re.compile(r"^([a-z][a-z0-9-]*) =(.*)$")
SELECT = re.compile(r"^\{ *\$([a-z][a-z0-9_-]*) *->$")
VARIANT = re.compile(r"^(\*?)\[([A-Za-z][A-Za-z0-9_-]*)\] (.+)$")
LITERAL = re.compile(r'^\{ *"([^"\\{}]*)" *\}$')
PLACEABLE = re.compile(r"\{ *\$([a-z][a-z0-9_-]*) *\}")


def ftl_messages(path: str, wanted) -> dict:
    """The `wanted` messages of one .ftl file, for the preview: text (a variable in it as
    `{$name}`), or a select on one
    variable as {"default": key, "variants": {key: text}}, where a variant that is the
    variable itself (`*[other] { $kind }`) is null. The app's build (build.rs) reads every
    message with Fluent's own parser; the preview needs only these shapes, so anything else
    (a placeable other than a variable or one string literal, a number key, a multi-line
    text) fails the
    build here rather than
    showing other words than the app."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    found = {}
    for at, line in enumerate(lines):
        m = MESSAGE.match(line)
        if not m or m.group(1) not in wanted:
            continue
        name, value = m.group(1), m.group(2).strip()

        def fail(why: str):
            sys.exit(f"postbuild: {path}:{at + 1}: {name}: {why}")

        select = SELECT.match(value)
        literal = LITERAL.match(value)
        if literal:
            # Text Fluent would trim, such as a separator's spaces: `{", "}`.
            found[name] = literal.group(1)
            continue
        if not select:
            # A variable's placeable is kept as `{$name}` for the preview to fill in.
            value = PLACEABLE.sub(lambda p: "{$" + p.group(1) + "}", value)
            if not value or "{" in PLACEABLE.sub("", value) or "}" in PLACEABLE.sub("", value):
                fail("the preview takes only plain text (with variables) or a select on a variable")
            if at + 1 < len(lines) and lines[at + 1].startswith(" "):
                fail("the preview takes only one-line texts")
            found[name] = value
            continue
        variants, default = {}, None
        for rest in lines[at + 1:]:
            if rest.strip() == "}":
                break
            v = VARIANT.match(rest.strip())
            text = v.group(3).strip() if v else ""
            itself = re.fullmatch(r"\{ *\$" + re.escape(select.group(1)) + r" *\}", text)
            if not v or (not itself and ("{" in text or "}" in text)):
                fail(f"a variant the preview cannot take: {rest.strip()!r}")
            variants[v.group(2)] = None if itself else text
            if v.group(1):
                default = v.group(2)
        else:
            fail("the select is not closed")
        if default is None:
            fail("the select has no default variant")
        found[name] = {"default": default, "variants": variants}
    missing = [name for name in wanted if name not in found]
    if missing:
        sys.exit(f"postbuild: {path}: the preview's messages {missing} are missing")
    return found


def preview_script() -> str:
    words = {lang: {} for lang in LANGS}
    for file, wanted in PREVIEW_MESSAGES.items():
        for lang in LANGS:
            words[lang].update(ftl_messages(os.path.join(ROOT, "locales", lang, f"{file}.ftl"), wanted))
    placeholder = "__PREVIEW_WORDS__"
    if PREVIEW.count(placeholder) != 1:
        sys.exit(f"postbuild: assets/preview.js must hold {placeholder} once")
    return PREVIEW.replace(placeholder, json.dumps(words, ensure_ascii=False, separators=(",", ":")))


def write_catalogues(directory: str, public_url: str, files) -> str:
    """Writes every language's catalogue file but English's into `directory`; returns the
    boot script's CATALOGUES, their URLs by language, as a JavaScript literal."""
    urls = {}
    for lang in LANGS[1:]:
        text = subprocess.run(
            ["cargo", "run", "--quiet", "--locked", "-p", "catalogue", "--",
             os.path.join(ROOT, "locales"), lang, *files],
            cwd=ROOT, check=True, stdout=subprocess.PIPE).stdout
        name = f"{lang}-{hashlib.sha256(text).hexdigest()[:16]}.txt"
        with open(os.path.join(directory, name), "wb") as f:
            f.write(text)
        urls[lang] = public_url + name
    return json.dumps(urls, separators=(",", ":"))


def extract_boot_script(html_path: str, public_url: str) -> None:
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    scripts = INLINE_MODULE.findall(html)
    if not scripts:
        return
    if len(scripts) > 1:
        sys.exit(f"postbuild: {html_path} has {len(scripts)} inline module scripts; expected one")
    loader = scripts[0].strip()
    full_app = bool(FULL_APP.search(loader))
    preview = preview_script() if full_app else ""
    placeholder = "__CATALOGUES__"
    if FIRST_READS.count(placeholder) != 1:
        sys.exit(f"postbuild: assets/first-reads.js must hold {placeholder} once")
    catalogues = write_catalogues(os.path.dirname(html_path), public_url,
                                  APP_FILES if full_app else WIDGET_FILES)
    body = FIRST_READS.replace(placeholder, catalogues) + preview + loader + "\n"
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
