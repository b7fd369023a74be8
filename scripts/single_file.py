#!/usr/bin/env python3
"""Trunk post-build step: turn trunk's output into one self-contained xuncha.html.

Chromium refuses module scripts and fetch() of a .wasm from file://, so the page must
carry everything: the stylesheet, the wasm-bindgen glue, and the wasm itself
(gzipped, base64) which a small loader inflates with DecompressionStream. The
Content-Security-Policy allows exactly these inline scripts (by hash), WebAssembly
compilation and inline styles, and no network request of any kind.
"""
import base64
import gzip
import hashlib
import os
import re
import sys
from pathlib import Path

BUDGET = 3 * 1024 * 1024  # 3 MiB, 3,145,728 bytes

LOADER = """(function () {
  "use strict";
  function fail(e) {
    var zh = document.documentElement.lang !== "en";
    var msg = "巡察台账无法启动：此浏览器版本过旧或禁用了 WebAssembly。请使用新版 Chrome、Edge、360 极速模式或 Firefox ESR。";
    var en = "The app could not start: this browser is too old or blocks WebAssembly. Use a current Chrome, Edge, 360 (speed mode) or Firefox ESR.";
    window.xunchaPanic(zh ? "无法启动" : "Could not start", zh ? msg : en, zh ? "导出应急备份" : "Export emergency backup",
      zh ? "刷新页面" : "Reload", zh ? "技术信息" : "Technical details", String(e && e.stack || e));
  }
  try {
    var b64 = document.getElementById("xuncha-wasm").textContent;
    var bytes = Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); });
    var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    new Response(inflated).arrayBuffer()
      .then(function (wasm) { return wasm_bindgen({ module_or_path: wasm }); })
      .then(function (exports) { window.xunchaWasmMemory = exports.memory; })
      .catch(fail);
  } catch (e) {
    fail(e);
  }
})();"""


def csp(script_hashes):
    scripts = " ".join("'sha256-%s'" % h for h in script_hashes)
    return "; ".join([
        "default-src 'none'",
        "script-src %s 'wasm-unsafe-eval'" % scripts,
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

    payload = base64.b64encode(gzip.compress(wasm, compresslevel=9, mtime=0)).decode("ascii")
    tail = (
        '<script type="application/octet-stream" id="xuncha-wasm">%s</script>\n'
        "<script>%s</script>\n"
        "<script>%s</script>\n" % (payload, glue, LOADER)
    )
    html = html.replace("</body>", tail + "</body>")

    inline = re.findall(r"<script(?![^>]*type=\"application/octet-stream\")[^>]*>(.*?)</script>", html, flags=re.S)
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
