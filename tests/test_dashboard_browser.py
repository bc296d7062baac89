"""The dashboard in a real browser: headless Debian chromium driven by selenium."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fixtures.desk.store import DeskStore, build

from detente.api import create_app

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.webdriver.common.by import By  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SCREENSHOTS_ENV = "DETENTE_SCREENSHOTS"  # folder to keep the screenshots in; else a temp folder
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1280,1000",
)  # fmt: skip

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="browser test needs Debian's chromium and chromium-driver"
    " (apt-get install -y chromium chromium-driver)",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, DeskStore]]:
    desk = build(tmp_path_factory.mktemp("browser"))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(desk.url), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", desk
    server.should_exit = True
    thread.join(5)
    desk.store.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(DRIVER))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get(SCREENSHOTS_ENV) or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_every_page_loads_and_a_spike_leads_to_the_evidence(
    site: tuple[str, DeskStore], browser: object, shots: Path
) -> None:
    base, desk = site
    driver = browser
    driver.get(f"{base}/dyad/CHN-RUS?freq=month")
    chart = driver.find_element(By.ID, "index-chart")
    assert chart.size["width"] > 300 and chart.size["height"] > 100
    line = driver.find_element(By.CSS_SELECTOR, "#index-chart path.line")
    assert line.size["width"] > 50  # the line was laid out, not just present
    driver.save_screenshot(str(shots / "dyad.png"))
    spike = driver.find_element(By.CSS_SELECTOR, "#index-chart circle.spike")
    spike.click()
    mark = driver.find_element(By.ID, "evidence")
    assert mark.text == "China accused Russia of mistreating a travel blogger on Friday."
    assert driver.current_url.endswith(f"/events/{desk.events['dispute-1']}")
    assert "<script>alert('x')</script>" in driver.find_element(By.ID, "article-text").text
    driver.save_screenshot(str(shots / "event.png"))
    for name, url in (
        ("home", "/"),
        ("timeline", "/timeline"),
        ("quotes", "/quotes"),
        ("claims", "/claims"),
        ("search", "/search?q=trade"),
        ("article", f"/articles/{desk.articles['call']}"),
    ):
        driver.get(base + url)
        assert driver.find_element(By.TAG_NAME, "h1").text
        assert driver.execute_script("return document.styleSheets.length") == 1
        driver.save_screenshot(str(shots / f"{name}.png"))
    assert len(list(shots.glob("*.png"))) >= 8
