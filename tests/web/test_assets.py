"""The packaged web app: what ``pip install`` ships is complete and installable as a PWA."""

from __future__ import annotations

import json
import re

from orbithub.web import assets_dir


def test_index_loads_a_bundle_that_is_packaged() -> None:
    index = (assets_dir() / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'src="/(assets/[^"]+\.js)"', index)
    assert scripts, "index.html loads no script"
    for script in scripts:
        assert (assets_dir() / script).is_file(), script
    assert '<meta name="theme-color"' in index
    assert 'rel="manifest"' in index


def test_manifest_makes_the_app_installable() -> None:
    manifest = json.loads((assets_dir() / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "OrbitHub"
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    sizes = {icon["sizes"] for icon in manifest["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert (assets_dir() / icon["src"].lstrip("/")).is_file(), icon["src"]


def test_service_worker_precaches_the_shell_and_leaves_the_api_alone() -> None:
    worker = (assets_dir() / "sw.js").read_text(encoding="utf-8")
    assert '"index.html"' in worker
    for bundle in (assets_dir() / "assets").glob("index-*.js"):
        assert f'"assets/{bundle.name}"' in worker, bundle.name
    assert "push-sw.js" in worker  # push notifications are handled by the same worker
    assert (assets_dir() / "push-sw.js").is_file()
    # Navigations fall back to the cached shell, except under /api/ (always the hub's answer).
    assert "denylist:[/^\\/api\\//]" in worker


def test_built_files_carry_no_source_maps_or_build_machine_paths() -> None:
    for path in assets_dir().rglob("*"):
        if path.suffix not in {".js", ".html", ".webmanifest", ".css"}:
            continue
        text = path.read_text(encoding="utf-8")
        assert "sourceMappingURL" not in text, path.name
        assert "/home/" not in text, path.name
        assert "/tmp/" not in text, path.name
