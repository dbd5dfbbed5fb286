"""Headless Chromium (Debian's chromium and chromium-driver) for the scripts that look at built
pages: page-gates.py, search-check.py and bench/pagefind-bytes.py."""
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def chromium(width=1280, height=900, flags=()):
    """A headless Chromium at `width` x `height`, with any extra command-line `flags`."""
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={width},{height}", *flags]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
