#!/usr/bin/env bash
# Installs lianfa on a fresh Debian machine: system packages, a virtualenv in .venv, the package
# with its extras, and the offline models it needs (nothing is downloaded at run time later).
#   bash scripts/install.sh         # runtime
#   bash scripts/install.sh test    # runtime + test tools + the browser for UI tests
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=${1:-}

apt_pkgs=(fonts-noto-cjk fonts-wqy-zenhei tesseract-ocr tesseract-ocr-chi-sim)
[ "$want_test" = test ] && apt_pkgs+=(chromium)
missing=()
for p in "${apt_pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
extras=paddle,service; [ "$want_test" = test ] && extras=paddle,service,test
.venv/bin/pip install -q -e ".[${extras}]"
# paddlex pulls the GUI build of OpenCV next to the headless one rapidocr needs; both own cv2/
if .venv/bin/pip show -q opencv-contrib-python >/dev/null 2>&1; then
  .venv/bin/pip uninstall -y -q opencv-contrib-python
  .venv/bin/pip install -q --force-reinstall --no-deps opencv-python-headless
fi
.venv/bin/lianfa setup
