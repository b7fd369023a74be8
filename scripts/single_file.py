#!/usr/bin/env python3
"""Trunk post-build step: turn trunk's output into one self-contained xuncha.html.

Chromium refuses module scripts and fetch() of a .wasm from file://, so the page must
carry everything: the stylesheet, the wasm-bindgen glue, and the wasm itself
(gzipped with zopfli, written in base 85) which a small loader decodes and inflates
with DecompressionStream. The
Content-Security-Policy allows exactly these inline scripts (by hash), WebAssembly
compilation and inline styles, and no network request of any kind.
"""
import base64
import hashlib
import os
import re
import struct
import sys
from pathlib import Path

# zopfli writes the same gzip format as gzip -9, about 4% smaller (≈ 117 KB of the
# single file); scripts/lib.sh installs it into scripts/.python.
sys.path.insert(0, str(Path(__file__).resolve().parent / ".python"))
try:
    import zopfli.gzip
except ImportError:
    sys.exit("single_file: zopfli is missing; build with scripts/run, which installs it into scripts/.python")

BUDGET = 3 * 1024 * 1024  # 3 MiB, 3,145,728 bytes

# The compressed wasm is written as text in base 85 (5 characters for 4 bytes, where
# base64 takes 5⅓): about 190 KB less than base64 at today's size. The alphabet is 85
# printable ASCII characters without "<" (so the data can never open a tag or comment
# nor close its script element), ">", "&", quotes, backslash or backtick (so the
# alphabet itself sits in a plain JavaScript string).
ALPHABET = "".join(c for c in map(chr, range(33, 127)) if c not in "<>&\"'\\`")[:85]
assert len(ALPHABET) == 85


def base85(data):
    """Big-endian groups of 4 bytes, each as 5 digits of ALPHABET; the last group is
    padded with zero bytes, which the loader drops by the length it is given."""
    data = data + b"\0" * (-len(data) % 4)
    out = []
    for (n,) in struct.iter_unpack(">I", data):
        digits = []
        for _ in range(5):
            n, d = divmod(n, 85)
            digits.append(ALPHABET[d])
        out.append("".join(reversed(digits)))
    return "".join(out)

LOADER = """(function () {
  "use strict";
  // Plain ES5: this must run, and explain, in browsers too old for the glue above.
  var en = false;
  try { en = window.localStorage.getItem("xuncha.lang") === "en"; } catch (e) { en = false; }
  function fail(body, details) {
    window.xunchaPanic(en ? "Could not start" : "无法启动", body, en ? "Export emergency backup" : "导出应急备份",
      en ? "Reload" : "刷新页面", en ? "Technical details" : "技术信息", details);
  }
  var supported = en
    ? "It works in Chrome, Edge, 360 and other Chromium-based browsers from version 80, and in Firefox from version 113 (Firefox ESR 115 or newer)."
    : "可使用 Chrome、Edge、360 安全/极速浏览器等 Chromium 内核 80 及以上版本，或 Firefox 113 及以上版本（Firefox ESR 115 及以上）。";
  var missing = [];
  if (typeof WebAssembly !== "object") { missing.push("WebAssembly"); }
  if (typeof DecompressionStream !== "function") { missing.push("DecompressionStream"); }
  if (!window.indexedDB) { missing.push("IndexedDB"); }
  if (typeof wasm_bindgen !== "function") { missing.push("JavaScript (ES2017)"); }
  if (missing.length > 0) {
    fail((en ? "This browser is too old or has switched off what the app needs: " : "此浏览器版本过旧或关闭了本程序所需的功能：")
      + missing.join(en ? ", " : "、") + (en ? ". " : "。") + supported, "missing: " + missing.join(", ") + "\\n" + navigator.userAgent);
    return;
  }
  function broken(e) {
    fail((en ? "The app could not start in this browser. " : "巡察台账无法在此浏览器中启动。") + supported,
      String(e && e.stack || e) + "\\n" + navigator.userAgent);
  }
  try {
    var data = document.getElementById("xuncha-wasm");
    var text = data.textContent;
    var alphabet = "@ALPHABET@";
    var digit = new Uint8Array(128);
    for (var k = 0; k < 85; k++) { digit[alphabet.charCodeAt(k)] = k; }
    var bytes = new Uint8Array(text.length / 5 * 4);
    for (var i = 0, o = 0; i < text.length; i += 5, o += 4) {
      var v = digit[text.charCodeAt(i)];
      v = v * 85 + digit[text.charCodeAt(i + 1)];
      v = v * 85 + digit[text.charCodeAt(i + 2)];
      v = v * 85 + digit[text.charCodeAt(i + 3)];
      v = v * 85 + digit[text.charCodeAt(i + 4)];
      bytes[o] = v >>> 24; bytes[o + 1] = (v >>> 16) & 255; bytes[o + 2] = (v >>> 8) & 255; bytes[o + 3] = v & 255;
    }
    bytes = bytes.subarray(0, +data.getAttribute("data-bytes"));
    var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    new Response(inflated).arrayBuffer()
      .then(function (wasm) { return wasm_bindgen({ module_or_path: wasm }); })
      .then(function (exports) { window.xunchaWasmMemory = exports.memory; })
      .catch(broken);
  } catch (e) {
    broken(e);
  }
})();"""


def csp(script_hashes):
    scripts = " ".join("'sha256-%s'" % h for h in script_hashes)
    return "; ".join([
        "default-src 'none'",
        # 'unsafe-eval' is how Chromium before 97 allows WebAssembly compilation; scripts stay
        # locked to their hashes and the shipped JS has no eval (checked below).
        "script-src %s 'wasm-unsafe-eval' 'unsafe-eval'" % scripts,
        "style-src 'unsafe-inline'",
        "img-src data:",
        "connect-src 'none'",
        "font-src 'none'",
        "media-src 'none'",
        "object-src 'none'",
        "frame-src 'none'",
        "worker-src 'none'",
        "manifest-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def sha256_b64(text):
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def leb128(data, at):
    """Reads an unsigned LEB128 number; returns it and the offset after it."""
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def target_features(wasm):
    """The features named in the wasm's target_features custom section ("+name" each)."""
    at, features = 8, []
    while at < len(wasm):
        section, size_at = wasm[at], at + 1
        size, body = leb128(wasm, size_at)
        end = body + size
        if section == 0:
            name_len, name_at = leb128(wasm, body)
            name = wasm[name_at:name_at + name_len].decode("utf-8", "replace")
            if name == "target_features":
                count, item = leb128(wasm, name_at + name_len)
                for _ in range(count):
                    prefix = chr(wasm[item])
                    length, text_at = leb128(wasm, item + 1)
                    features.append(prefix + wasm[text_at:text_at + length].decode("utf-8", "replace"))
                    item = text_at + length
        at = end
    return features


def refuse_new_wasm_features(wasm, glue):
    """Chromium before 96 cannot load reference types or multi-value (see .cargo/config.toml)."""
    bad = [f for f in target_features(wasm) if f in ("+reference-types", "+multivalue")]
    if bad or "externref_table" in glue:
        sys.exit("single_file: the wasm uses %s, which Chromium before 96 cannot load; build it with the "
                 "flags in .cargo/config.toml" % (", ".join(bad) or "an externref table"))


# eval(…), new Function(…) and a bare Function(…) call; not the debug text `Function(${name})`.
EVAL = re.compile(r"\beval\s*\(|\bnew\s+Function\b|(?<![`\w$.])Function\s*\(")


def refuse_eval(scripts):
    """The policy allows 'unsafe-eval' for old Chromium's sake; the page itself must never evaluate code."""
    for text in scripts:
        found = EVAL.search(text)
        if found:
            sys.exit("single_file: the page's JavaScript evaluates code (%r near character %d); the policy "
                     "allows WebAssembly compilation only" % (found.group(0), found.start()))


def main():
    staging = Path(os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist"))
    html = (staging / "index.html").read_text(encoding="utf-8")
    glue = (staging / "xuncha.js").read_text(encoding="utf-8")
    wasm = (staging / "xuncha_bg.wasm").read_bytes()
    css = (staging / "main.css").read_text(encoding="utf-8")

    for text, what in ((glue, "glue"), (css, "stylesheet")):
        if "</script" in text.lower() or "</style" in text.lower():
            sys.exit("single_file: the %s contains a closing tag and cannot be inlined" % what)

    # Drop trunk's own loader, preloads and stylesheet link; we inline them instead.
    html, n_module = re.subn(r'<script type="module">.*?</script>\s*', "", html, flags=re.S)
    html = re.sub(r'<link rel="(?:modulepreload|preload)"[^>]*>', "", html)
    html, n_css = re.subn(r'<link rel="stylesheet" href="\./main\.css"[^>]*/?>', lambda _: "<style>\n%s\n</style>" % css, html)
    if n_module != 1 or n_css != 1:
        sys.exit("single_file: trunk's output changed shape (module scripts: %d, stylesheets: %d)" % (n_module, n_css))

    refuse_new_wasm_features(wasm, glue)
    packed = zopfli.gzip.compress(wasm)
    payload = base85(packed)
    tail = (
        '<script type="application/octet-stream" id="xuncha-wasm" data-bytes="%d">%s</script>\n'
        "<script>%s</script>\n"
        "<script>%s</script>\n" % (len(packed), payload, glue, LOADER.replace("@ALPHABET@", ALPHABET))
    )
    html = html.replace("</body>", tail + "</body>")

    inline = re.findall(r"<script(?![^>]*type=\"application/octet-stream\")[^>]*>(.*?)</script>", html, flags=re.S)
    refuse_eval(inline)
    meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % csp([sha256_b64(s) for s in inline])
    html, n_csp = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', lambda _: meta, html)
    if n_csp != 1:
        sys.exit("single_file: index.html must carry exactly one Content-Security-Policy meta tag")

    out = staging / "xuncha.html"
    out.write_text(html, encoding="utf-8")
    for name in ("index.html", "xuncha.js", "xuncha_bg.wasm", "main.css"):
        (staging / name).unlink()

    size = out.stat().st_size
    print("single_file: xuncha.html %d bytes (wasm %d bytes, budget %d)" % (size, len(wasm), BUDGET))
    if size > BUDGET:
        sys.exit("single_file: xuncha.html is over the 3 MiB budget")


if __name__ == "__main__":
    main()
